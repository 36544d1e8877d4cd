// The document as workbook bytes (issue 18.4, 23.1): one path for Save and the
// recovery copy. The scenarios and the chosen table always go in; pictures that
// cannot be drawn are left out and named; the screen's current figures are passed on.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultInputs, defaultTwoWay, emptyScenarios, scenariosToJson, twoWaySpecToJson } from '@shared/index';
import type { WorkbookDocument } from '@shared/workbook/index';

const calls = vi.hoisted(() => ({ written: [] as unknown[], pictures: null as null | (() => Promise<unknown>) }));
vi.mock('../../../renderer/src/workers/worker-clients', () => ({
  analysisClient: () => ({ call: () => calls.pictures!(), warm: () => undefined }),
}));
vi.mock('../../../renderer/src/workers/workbook-client', () => ({
  writeWorkbookBytes: async (doc: unknown) => { calls.written.push(doc); return { ok: true, bytes: new Uint8Array([1]) }; },
}));
vi.mock('../../../renderer/src/platform/choose-platform', () => ({ platform: () => ({ appVersion: async () => ({ ok: true, value: '9.9.9' }) }) }));
vi.mock('../../../renderer/src/charts/canvas-rasterize', () => ({ canvasRasterize: async () => new Uint8Array([2]) }));

const { documentBytes } = await import('../../../renderer/src/files/document-bytes');

const inputs = defaultInputs();
const spec = { ...defaultTwoWay(inputs), colValues: [0.15, 0.25] };
const doc = { inputs, scenarios: emptyScenarios(), sensitivity: spec, actuals: null };
const nothingShown = { base: {}, sensitivity: null };

describe('the document as workbook bytes', () => {
  beforeEach(() => { calls.written.length = 0; vi.restoreAllMocks(); });

  it('with its pictures: nothing left out, the scenarios and the chosen table in extras', async () => {
    calls.pictures = async () => ({ scenarioComparison: { columns: ['Base'], rows: [] }, charts: [{ name: 'ARR', svg: '<svg/>', widthPx: 10, heightPx: 10 }] });
    const r = await documentBytes(doc, nothingShown);
    expect(r.ok && r.leftOut).toBeNull();
    const written = calls.written[0] as WorkbookDocument;
    expect(written.appVersion).toBe('9.9.9');
    expect(written.extras).toEqual({ scenarios: scenariosToJson(doc.scenarios), sensitivity: twoWaySpecToJson(spec) });
    expect(written.boardImages).toEqual([{ name: 'ARR', png: new Uint8Array([2]), widthPx: 10, heightPx: 10 }]);
  });

  it('when the pictures cannot be drawn: written without them, keeping the extras, and says what is missing and why', async () => {
    calls.pictures = async () => { throw new Error('global is not defined'); };
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const r = await documentBytes(doc, nothingShown);
    expect(r.ok && r.leftOut).toEqual({ parts: 'the Board Report’s charts and the scenario comparison', reason: 'global is not defined' });
    const written = calls.written[0] as WorkbookDocument;
    expect(written.boardImages).toBeUndefined();
    expect(written.extras?.scenarios).toEqual(scenariosToJson(doc.scenarios));
  });

  it('passes the Sensitivity figures on screen to the writer', async () => {
    calls.pictures = async () => ({ scenarioComparison: { columns: [], rows: [] }, charts: [] });
    const sensitivity = { spec, cells: [[1, 2]], problems: [[null, null]], tornado: { figure: spec.figure, base: 1, bars: [] }, drag: { stage: 'renewal' as const, byStage: [] } };
    await documentBytes(doc, { base: {}, sensitivity });
    expect((calls.written[0] as WorkbookDocument).known?.sensitivity).toBe(sensitivity);
  });
});
