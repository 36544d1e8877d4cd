// Every limit of an actuals import (issue 19), in one place: the command, the
// app's worker and the app's page (which imports only this module of the
// actuals code, to keep the readers out of its bundle) apply the same ones.
// docs/actuals.md states each with its reason and what was measured.

/**
 * The digits an amount may have: a double holds 15 significant digits exactly,
 * and every figure, JSON number and workbook cell is a double; 6 decimals are
 * more than any currency's subunit. Bounding them also bounds the work: every
 * row is held at the file's largest decimal scale.
 */
export const AMOUNT_DIGITS = 15;
export const AMOUNT_DECIMALS = 6;

/** a month span past this is a typo in a year, not a billing history */
export const MAX_MONTHS = 1200;

/**
 * What one import may hold, so that reading it stays within 1 GiB: rows cost 16 bytes
 * each in typed arrays (twice that while an array grows), a customer about 100 bytes plus its name.
 * A CSV past MAX_CSV_BYTES is refused before a byte is read.
 */
export const MAX_ROWS = 5_000_000;
export const MAX_CUSTOMERS = 1_000_000;
export const MAX_CSV_BYTES = 200 * 1024 * 1024;
/** A customer name past this is not a name (and each distinct one is held in memory): refused. */
export const MAX_CUSTOMER_CHARS = 200;

/** A quoted field can hold newlines, but not this many characters: it is an unclosed quote (or a line no export writes). */
export const MAX_PENDING_CHARS = 4 * 1024 * 1024;

/**
 * The limits of an accounts or pipeline file (spec §12), the command's and the
 * app's (issue 25): 64 MB is over half a million accounts (100,000 are about 10 MB).
 */
export const TABLE_FILE_LIMITS = { bytes: 64 * 1024 * 1024, timeoutMs: 60_000 } as const;
