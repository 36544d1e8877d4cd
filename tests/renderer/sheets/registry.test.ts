import { describe, expect, it } from 'vitest';
import { buildSheetList } from '../../../renderer/src/sheets/registry';

const C = () => null;

describe('sheet registry', () => {
  it('shows placeholders for reserved sheets until they register, in tab order', () => {
    const list = buildSheetList([{ id: 'assumptions', title: 'Assumptions', component: C, order: 10 }], []);
    expect(list.map((s) => [s.id, s.component === null])).toEqual([
      ['assumptions', false], ['sensitivity', true], ['scenarios', true], ['board-report', true],
    ]);
    const registered = buildSheetList([{ id: 'assumptions', title: 'Assumptions', component: C, order: 10 }], [{ id: 'sensitivity', title: 'Sensitivity', component: C }]);
    expect(registered.find((s) => s.id === 'sensitivity')).toMatchObject({ order: 60, component: C });
  });
});
