// Text that cannot break the file (issue 22): a control character in any name —
// the model's, a lane's, a funnel stage's, an existing cohort's, a scenario's — is
// refused with a message naming the field, never removed; a workbook that carries
// one (Excel writes it as _x0007_) does not open, and says where.
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { defaultInputs, parseModel, validateInputs, type ModelInputs } from '@shared/index';
import { createScenario, emptyScenarios, scenarioNameProblem, scenariosToJson } from '@shared/model/scenarios';
import { readWorkbook, SHEETS, writeWorkbook } from '@shared/workbook/index';
import { editWorkbook, namedCell } from '../workbook/xlsx-edit';
import { g4 } from '../../support/models';

const BEL = '\u0007', VT = '\u000b';

const names: [string, (m: ModelInputs, s: string) => void][] = [
  ['general.name', (m, s) => { m.general.name = s; }],
  ['lanes.modules.name', (m, s) => { m.lanes[0]!.name = s; }],
  ['acquisition.funnel[1].name', (m, s) => { m.acquisition.funnel[1]!.name = s; }],
  ['base.cohorts[0].name', (m, s) => { m.base.cohorts[0]!.name = s; }],
];

describe('control characters in names', () => {
  it.each(names)('%s: a BEL is refused at the field, with where it is', (path, set) => {
    const m = g4();
    m.lanes = defaultInputs().lanes;
    set(m, `Acme${BEL} Corp`);
    expect(validateInputs(m)).toEqual([{ path, message: 'must not contain control characters: character 5 is U+0007 (BEL)' }]);
  });

  it('a vertical tab, a tab at the end and half a surrogate pair are refused; accents, emoji and other scripts are not', () => {
    const problem = (name: string) => validateInputs({ ...defaultInputs(), general: { ...defaultInputs().general, name } });
    expect(problem(`Plan${VT}B`)[0]?.message).toBe('must not contain control characters: character 5 is U+000B (a vertical tab)');
    expect(problem('Plan\t')[0]?.message).toBe('must not contain control characters: character 5 is U+0009 (a tab)');
    expect(problem('Plan \ud83d')[0]?.message).toBe('must be plain text: character 6 (U+D83D) is not a character');
    for (const ok of ['Société Générale', 'Plan 😀 B', '北京 SaaS', 'R&D <Ops> "quoted"']) expect(problem(ok), ok).toEqual([]);
  });

  it('any name holding any control character is refused, and the model is not changed', () => {
    const control = fc.integer({ min: 0, max: 0x9f }).filter((c) => c < 0x20 || c >= 0x7f).map((c) => String.fromCharCode(c));
    fc.assert(fc.property(fc.string({ maxLength: 20 }), control, fc.string({ maxLength: 20 }), fc.constantFrom(...names), (a, ch, b, [path, set]) => {
      const m = g4();
      m.lanes = defaultInputs().lanes;
      const name = `x${a}${ch}${b}`.slice(0, 59);
      if (!name.includes(ch)) return;
      set(m, name);
      const before = structuredClone(m);
      const problems = validateInputs(m);
      expect(problems.map((p) => p.path)).toContain(path);
      expect(m).toEqual(before);
    }));
  });

  it('a JSON model with one gets the path, not a changed name', () => {
    const r = parseModel({ general: { name: `Acme${VT}` } });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems).toEqual([{ path: 'general.name', message: 'must not contain control characters: character 5 is U+000B (a vertical tab)' }]);
  });

  it('a scenario name with one is refused when typed, before any trim', () => {
    expect(scenarioNameProblem(emptyScenarios(), `Upside${BEL}`)).toBe('a scenario name must not contain control characters: character 7 is U+0007 (BEL)');
    expect(scenarioNameProblem(emptyScenarios(), 'Upside\n')).toBe('a scenario name must not contain control characters: character 7 is U+000A (a line break)');
    expect(createScenario(emptyScenarios(), `Up${BEL}`, {}).ok).toBe(false);
  });

  it("a workbook whose model name Excel saved with a control character (_x000B_) does not open, and names the cell", async () => {
    const bytes = await writeWorkbook({ inputs: defaultInputs(), appVersion: 'test' });
    const edited = editWorkbook(bytes, (files) => {
      files['xl/sharedStrings.xml'] = strToU8(strFromU8(files['xl/sharedStrings.xml']!).replace('<t>Example SaaS</t>', '<t>Example_x000B_SaaS</t>'));
    });
    const cell = namedCell(unzipSync(bytes), 'general_name');
    const r = await readWorkbook(edited);
    expect(r).toEqual({ ok: false, kind: 'invalid', problems: [{ where: `${cell.sheet}!${cell.address}`, path: 'general.name', message: 'must not contain control characters: character 8 is U+000B (a vertical tab)' }] });
  });

  it('a workbook whose saved scenario has one in its name does not open, and names the scenario', async () => {
    const made = createScenario(emptyScenarios(), 'Upside', { 'journey.renewal.rate': 0.9 });
    if (!made.ok) throw new Error(made.error);
    const json = scenariosToJson(made.set);
    json.scenarios[0]!.name = `Up${BEL}side`;
    const r = await readWorkbook(await writeWorkbook({ inputs: defaultInputs(), appVersion: 'test', extras: { scenarios: json } }));
    expect(r).toEqual({ ok: false, kind: 'invalid', problems: [{ where: SHEETS.meta, path: 'scenarios[0].name', message: 'must not contain control characters: character 3 is U+0007 (BEL)' }] });
  });
});
