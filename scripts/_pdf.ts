import { defaultInputs } from '@shared/index';
import { writeWorkbook } from '@shared/workbook/index';
import { writeFileSync } from 'node:fs';
import { rampedModel, segmentedModel } from '../tests/support/models';
writeFileSync('/tmp/shots/seg-wb/seg3.xlsx', await writeWorkbook({ inputs: segmentedModel(rampedModel(defaultInputs())), appVersion: 'render' }));
