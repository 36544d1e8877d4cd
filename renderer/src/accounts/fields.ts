// The fields of an accounts and of a pipeline file (spec §12) as the mapping
// step shows them, with the header names CRM and CS-platform exports use for
// each (Salesforce, HubSpot, Gainsight, ChurnZero style names; a suggestion the
// user sees and can change).
import { ACCOUNT_COLUMNS, PIPELINE_COLUMNS } from '@shared/accounts/screen';
import type { MappingField } from '../mapping/mapping-model';

const F = (id: string, label: string, required: boolean, hint: string, names: string[] = []): MappingField => ({ id, label, required, hint, names });

export const ACCOUNT_FIELDS: readonly MappingField[] = [
  F('account', 'Account', true, 'unique per row', ['account name', 'account id', 'company', 'company name', 'customer', 'customer name']),
  F('arr', 'ARR', true, 'annual recurring revenue, 0 or more', ['annual recurring revenue', 'current arr', 'arr usd', 'contract value']),
  F('seatsActive', 'Active seats', false, 'with licensed seats: seat utilisation', ['active seats', 'active users', 'seats used']),
  F('seatsLicensed', 'Licensed seats', false, '', ['licensed seats', 'licenses', 'seats purchased', 'seats']),
  F('usage', 'Usage', false, 'this quarter; with last quarter: usage growth', ['usage this quarter', 'usage current', 'usage qtd']),
  F('usagePrev', 'Usage a quarter earlier', false, '', ['usage last quarter', 'usage previous', 'usage prior quarter']),
  F('teams', 'Teams using it', false, 'breadth', ['departments', 'teams using', 'active teams']),
  F('dataRequests', 'Data requests', false, 'new-source or format requests, last quarter', ['integration requests', 'data source requests']),
  F('milestones', 'Success milestones', false, 'outcomes documented', ['success milestones', 'outcomes', 'milestones achieved']),
  F('tickets', 'Tickets', false, 'this quarter; with last quarter: capacity', ['support tickets', 'tickets this quarter', 'cases']),
  F('ticketsPrev', 'Tickets a quarter earlier', false, '', ['tickets last quarter', 'tickets previous', 'cases last quarter']),
  F('champion', 'Champion', false, 'promoted, newRole, stable, left or roleOutOfDomain', ['champion status', 'champion state']),
  F('npsPrev', 'NPS before', false, '0–10', ['previous nps', 'nps last quarter', 'nps prior']),
  F('nps', 'NPS', false, '0–10', ['nps score', 'latest nps', 'nps current']),
  F('competitorMention', 'Competitor mentioned', false, 'yes or no', ['competitor', 'competitor mention']),
  F('lanes', 'Lanes owned', false, "the model's lane ids or names, separated by ;", ['modules', 'products owned', 'add-ons']),
  F('segment', 'Segment', false, "one of the model's segments (empty without segments)", ['tier', 'customer segment']),
];

export const PIPELINE_FIELDS: readonly MappingField[] = [
  F('account', 'Account', true, '', ['account name', 'company', 'customer']),
  F('amount', 'Amount', true, 'ARR of the opportunity, above 0', ['opportunity amount', 'arr', 'value', 'deal amount']),
  F('stage', 'Stage', true, 'your stage names map below', ['opportunity stage', 'deal stage', 'stage name', 'status']),
  F('close', 'Close', true, 'YYYY-MM or a date', ['close date', 'expected close', 'closedate', 'close month']),
  F('lane', 'Lane', false, "the model's lane id or name", ['product', 'module', 'product line']),
];

// Every column the core reads has a field, and no field the core does not read.
const ids = (fs: readonly MappingField[]) => fs.map((f) => f.id).sort().join();
if (ids(ACCOUNT_FIELDS) !== [...ACCOUNT_COLUMNS.required, ...ACCOUNT_COLUMNS.signals, ...ACCOUNT_COLUMNS.other].sort().join()) throw new Error('ACCOUNT_FIELDS differ from ACCOUNT_COLUMNS');
if (ids(PIPELINE_FIELDS) !== [...PIPELINE_COLUMNS.required, ...PIPELINE_COLUMNS.other].sort().join()) throw new Error('PIPELINE_FIELDS differ from PIPELINE_COLUMNS');
