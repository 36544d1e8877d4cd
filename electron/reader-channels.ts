// The channels of the hidden workbook reader (workbook-reader.ts), kept apart
// from the DesktopApi's calls in channels.ts: none of them is an invoke, and
// two carry a MessagePort. A name shared with CHANNELS throws at start-up.
import { CHANNELS, defineChannels } from './channels';

export const READER_CHANNELS = defineChannels({
  /** workspace → main: start a reader for read number `id` */
  open: 'reader/open',
  /** main → workspace and main → reader: one end of the read's MessageChannel */
  port: 'reader/port',
  /** workspace → main: read `id` has its answer; the reader can go */
  done: 'reader/done',
  /** main → workspace: read `id` was stopped, with the sentence for the user */
  stopped: 'reader/stopped',
});

defineChannels({ ...CHANNELS, ...Object.fromEntries(Object.entries(READER_CHANNELS).map(([key, name]) => [`reader.${key}`, name])) });
