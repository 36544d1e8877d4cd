import { defaultInputs } from '@shared/index';
import { writeWorkbook } from '@shared/workbook/index';
import { writeFileSync } from 'node:fs';
import { rampedModel } from '../tests/support/models';
writeFileSync('/tmp/shots/seg-wb/plain.xlsx', await writeWorkbook({ inputs: rampedModel(defaultInputs()), appVersion: 'render' }));
