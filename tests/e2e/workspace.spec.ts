// The workspace end to end (issue 4): every expected figure is computed by the
// core on the edited inputs inside the test and formatted as the UI formats it.
import { ACQUISITION_INPUTS, GENERAL_INPUTS, JOURNEY_INPUTS, LANE_FIELDS, defaultInputs, funnelKey, inputSpecs, newCustomersKey, setInput } from '@shared/index';
import { blankLane, blankStage, DOCUMENT_LIMITS } from '@shared/document/index';
import { formatInput } from '../../renderer/src/format/format';
import { expect, test } from './fixtures';
import { WorkspacePage } from './pages/workspace-page';

test('editing the renewal rate updates NRR, GRR and LTV:CAC to the core’s values', async ({ workspace: ws }) => {
  await ws.expectFigures(defaultInputs());
  const edited = setInput(defaultInputs(), 'journey.renewal.rate', 0.92);
  expect(WorkspacePage.expectedFigures(edited)['kpi.nrr.y2']).not.toBe(WorkspacePage.expectedFigures(defaultInputs())['kpi.nrr.y2']);

  await ws.type('journey.renewal.rate', '92');
  await expect(ws.input('journey.renewal.rate')).toHaveText('92.0%');
  await ws.expectFigures(edited);

  // 0.9 and 90% mean the same as 90
  await ws.type('journey.renewal.rate', '0.9');
  await ws.expectFigures(setInput(defaultInputs(), 'journey.renewal.rate', 0.9));
  await ws.type('journey.renewal.rate', '88%');
  await ws.expectFigures(setInput(defaultInputs(), 'journey.renewal.rate', 0.88));
  await expect(ws.page.getByTestId('dirty-flag')).toBeVisible();
});

test('a bad entry shows its message at the cell and leaves the figures unchanged', async ({ workspace: ws }) => {
  await ws.type('journey.renewal.rate', '120%');
  await expect(ws.problem('journey.renewal.rate')).toHaveText('must be between 0% and 100%, got 120%');
  await expect(ws.input('journey.renewal.rate')).toHaveAttribute('aria-invalid', 'true');
  await expect(ws.input('journey.renewal.rate')).toContainText('120%');
  await ws.expectFigures(defaultInputs());


  await ws.type('acquisition.acv', 'abc');
  await expect(ws.problem('acquisition.acv')).toContainText('is not an amount');
  await ws.expectFigures(defaultInputs());

  // a lane cell's message shows under the lanes table
  await ws.type('lanes.services.windowEnd', '2');
  await expect(ws.problem('lanes.services.windowEnd')).toContainText('must not be before the window start (6), got 2');
  await ws.expectFigures(defaultInputs());

  // a valid entry clears the mark; money accepts 70k
  await ws.type('acquisition.acv', '70k');
  await expect(ws.problem('acquisition.acv')).toHaveCount(0);
  await ws.expectFigures(setInput(defaultInputs(), 'acquisition.acv', 70000));
});

test('pasting a 3×2 block from Excel fills the lanes, and undo/redo take it back and forth', async ({ workspace: ws, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(() => navigator.clipboard.writeText('40%\t45,000\r\n25%\t$20k\r\n0.2\t32000\r\n'));
  await ws.input('lanes.modules.attachRate').click();
  await page.keyboard.press('Control+V');

  let pasted = defaultInputs();
  for (const [key, v] of [['lanes.modules.attachRate', 0.4], ['lanes.modules.acv', 45000], ['lanes.integration.attachRate', 0.25], ['lanes.integration.acv', 20000], ['lanes.services.attachRate', 0.2], ['lanes.services.acv', 32000]] as const) {
    pasted = setInput(pasted, key, v);
  }
  await expect(ws.input('lanes.integration.acv')).toHaveText('$20,000');
  await expect(ws.input('lanes.services.attachRate')).toHaveText('20.0%');
  await ws.expectFigures(pasted);

  await page.keyboard.press('Control+Z');
  await expect(ws.input('lanes.integration.acv')).toHaveText('$18,000');
  await expect(ws.input('lanes.services.attachRate')).toHaveText('15.0%');
  await ws.expectFigures(defaultInputs());

  await page.keyboard.press('Control+Shift+Z');
  await expect(ws.input('lanes.modules.acv')).toHaveText('$45,000');
  await ws.expectFigures(pasted);

  await page.keyboard.press('Control+Z');
  await page.keyboard.press('Control+Y');
  await ws.expectFigures(pasted);
});

test('adding a lane changes no figure until it is filled in; renaming, removing and undo', async ({ workspace: ws, page }) => {
  test.slow(); // five full figure checks; over a minute on a busy machine
  await page.getByRole('button', { name: '+ Add lane' }).click();
  const withLane = { ...defaultInputs(), lanes: [...defaultInputs().lanes, blankLane('lane4', 4)] };
  expect(withLane.lanes[3]!.attachRate).toBe(0); // starts at attach 0, as + Add stage starts at 100%
  await ws.expectFigures(defaultInputs());
  await expect.poll(() => ws.focusedKey()).toBe('lanes.lane4.name'); // focus goes to its name, ready to type

  await page.keyboard.type('Premium support');
  await page.keyboard.press('Enter');
  await ws.type('lanes.lane4.attachRate', '30');
  const edited = setInput(setInput(withLane, 'lanes.lane4.name', 'Premium support'), 'lanes.lane4.attachRate', 0.3);
  await ws.expectFigures(edited);
  await expect(page.getByRole('button', { name: 'Remove lane Premium support' })).toBeVisible();
  await ws.tab('ARR Bridge').click();
  await expect(page.getByRole('group', { name: 'Annual ARR bridge' })).toContainText('+ Premium support');
  await ws.tab('Assumptions').click();

  await page.getByRole('button', { name: 'Remove lane Additional use cases / modules' }).click();
  await expect(ws.input('lanes.modules.attachRate')).toHaveCount(0);
  await ws.expectFigures({ ...edited, lanes: edited.lanes.filter((l) => l.id !== 'modules') });

  await page.keyboard.press('Control+Z'); // the removal
  await ws.expectFigures(edited);
  await page.getByRole('button', { name: 'Undo' }).click(); // the attach rate
  await page.getByRole('button', { name: 'Undo' }).click(); // the rename
  await page.getByRole('button', { name: 'Undo' }).click(); // the add
  await ws.expectFigures(defaultInputs());
  await expect(ws.input('lanes.lane4.name')).toHaveCount(0);
});

test('+ Add stage stops at the model\'s limit of funnel stages, so the figures show and nothing the core refuses is made', async ({ workspace: ws, page }) => {
  // issue 18: 25 additions used to leave 29 stages, and the next save failed naming no cell
  const add = page.getByRole('button', { name: '+ Add stage' });
  const stages = defaultInputs().acquisition.funnel.length;
  for (let n = stages; n < DOCUMENT_LIMITS.funnelStages; n++) await add.click();
  await expect(add).toBeDisabled();
  await expect(page.locator('section.section', { hasText: 'Funnel (left side of the bowtie)' })).toContainText(`${DOCUMENT_LIMITS.funnelStages} of ${DOCUMENT_LIMITS.funnelStages}`);
  await expect(ws.input(`acquisition.funnel[${DOCUMENT_LIMITS.funnelStages - 1}].name`)).toHaveText(`New stage ${DOCUMENT_LIMITS.funnelStages}`);
  await expect(ws.input(`acquisition.funnel[${DOCUMENT_LIMITS.funnelStages}].name`)).toHaveCount(0);
  const full = defaultInputs();
  for (let n = stages; n < DOCUMENT_LIMITS.funnelStages; n++) full.acquisition.funnel.push(blankStage(n + 1));
  await ws.expectFigures(full);
});

test('keyboard only: Tab walks every input and the sheet\'s buttons in reading order, leaves at the end, F2 and Escape behave', async ({ workspace: ws, page }) => {
  const m = defaultInputs();
  const inputKeys = [
    ...GENERAL_INPUTS.map((s) => s.key),
    ...ACQUISITION_INPUTS.map((s) => s.key),
    ...m.acquisition.newCustomersByYear.map((_, i) => newCustomersKey(i)),
    ...m.acquisition.funnel.flatMap((_, i) => [funnelKey(i, 'name'), funnelKey(i, 'rate')]),
    'journey.onboarding.rate', 'journey.onboarding.month', 'journey.firstValue.rate', 'journey.firstValue.month', 'journey.firstValue.targetDays', 'journey.adoption.rate', 'journey.adoption.month',
    ...JOURNEY_INPUTS.filter((s) => s.group === 'Renewal').map((s) => s.key),
    ...m.lanes.flatMap((l) => LANE_FIELDS.map((f) => `lanes.${l.id}.${f.field}`)),
  ];
  expect([...inputKeys].sort()).toEqual(inputSpecs(m).map((s) => s.key).sort()); // every input is on the sheet
  // the section buttons sit between the tables, where Tab reaches them (issue 11 §9)
  const order = [...inputKeys];
  order.splice(order.indexOf(newCustomersKey(0)), 0, 'button:+ Add year');
  order.splice(order.indexOf(funnelKey(0, 'name')), 0, 'button:+ Add stage');
  order.splice(order.indexOf('journey.onboarding.rate'), 0, 'button:+ Add cohort'); // Existing customers, empty by default
  order.splice(order.indexOf('lanes.modules.name'), 0, 'button:+ Add lane');

  await ws.input(order[0]!).click();
  const visited: string[] = [];
  let expected = m;
  for (const key of order) {
    const here = await ws.focusedName();
    visited.push(here ?? '(none)');
    if (here === 'journey.renewal.rate') { await page.keyboard.type('80'); expected = setInput(expected, here, 0.8); }
    if (here === 'lanes.services.acv') { await page.keyboard.type('35k'); expected = setInput(expected, here, 35000); }
    if (key !== order[order.length - 1]) await page.keyboard.press('Tab');
  }
  expect(visited).toEqual(order);
  // past the last input: Tab leaves the grid for the Segments section (issue 24: none yet), then the sheet tabs
  await page.keyboard.press('Tab');
  expect(await ws.focusedName()).toBe('button:+ Add segment');
  await page.keyboard.press('Tab');
  expect(await ws.focusedName()).toBe('segments.paste');
  await page.keyboard.press('Tab');
  await expect(ws.tab('Assumptions')).toBeFocused();
  await ws.expectFigures(expected);
  await page.keyboard.press('Escape'); // Escape returns focus to the sheet, at the last cell used
  expect(await ws.focusedKey()).toBe(order[order.length - 1]);

  await page.keyboard.press('Shift+Tab');
  expect(await ws.focusedKey()).toBe(order[order.length - 2]);

  // F2 edits in place (the editor holds "35000"); Escape cancels a typed edit
  await page.keyboard.press('F2');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await expect(ws.input('lanes.services.acv')).toHaveText('$3,500');
  expected = setInput(expected, 'lanes.services.acv', 3500);
  await ws.input('journey.renewal.rate').click();
  await page.keyboard.type('55');
  await page.keyboard.press('Escape');
  await expect(ws.input('journey.renewal.rate')).toHaveText(formatInput('rate', 0.8));
  await ws.expectFigures(expected);

  // Enter moves down, like Excel
  await page.keyboard.press('Enter');
  expect(await ws.focusedKey()).toBe('journey.renewal.nonAdopterRate');
});
