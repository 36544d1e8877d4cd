// The rows grouped by customer, each customer's months in order with duplicate
// rows of one month added up: the shape every figure of §9 is computed from.
// A counting sort by customer id keeps it linear in the rows and lean in memory.
import type { Units } from './exact-sums';
import type { RowStore } from './row-store';
import type { MonthIndex } from './values';

export interface Book {
  readonly store: RowStore;
  /** first month of the file; month offsets t = 0 … months − 1 count from it */
  readonly firstMonth: MonthIndex;
  readonly months: number;
  readonly customers: number;
  /** rows of customer c are order[offsets[c] … offsets[c + 1] − 1], by month */
  readonly offsets: Int32Array;
  readonly order: Int32Array;
}

export function groupByCustomer(store: RowStore): Book {
  const n = store.length;
  const customers = store.names.length;
  const offsets = new Int32Array(customers + 1);
  for (let i = 0; i < n; i++) { const k = store.customer[i]! + 1; offsets[k] = offsets[k]! + 1; }
  for (let c = 0; c < customers; c++) offsets[c + 1] = offsets[c + 1]! + offsets[c]!;
  const next = offsets.slice(0, customers);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[next[store.customer[i]!]!++] = i;
  // Within a customer, rows are usually already in month order: insertion sort is linear then.
  const month = store.month;
  for (let c = 0; c < customers; c++) {
    const end = offsets[c + 1]!;
    for (let i = offsets[c]! + 1; i < end; i++) {
      const row = order[i]!;
      const m = month[row]!;
      let j = i - 1;
      while (j >= offsets[c]! && month[order[j]!]! > m) { order[j + 1] = order[j]!; j--; }
      order[j + 1] = row;
    }
  }
  return { store, firstMonth: store.minMonth, months: store.maxMonth - store.minMonth + 1, customers, offsets, order };
}

/** One customer's months (offsets from the first month) and ARR, duplicates added up. */
export interface CustomerMonths { count: number; month: Int32Array; arr: Units[] | Float64Array; duplicates: number }

/**
 * Walks the customers one by one, reusing one buffer (so a walk allocates
 * nothing per customer). `fn` must not keep `cm` past its call.
 */
export function forEachCustomer(book: Book, fn: (c: number, cm: CustomerMonths) => void): void {
  const { store, offsets, order, firstMonth } = book;
  let cap = 64;
  const wide = store.isWide;
  let cm: CustomerMonths = { count: 0, month: new Int32Array(cap), arr: wide ? [] : new Float64Array(cap), duplicates: 0 };
  for (let c = 0; c < book.customers; c++) {
    const start = offsets[c]!, end = offsets[c + 1]!;
    if (end - start > cap) {
      cap = Math.max(end - start, cap * 2);
      cm = { count: 0, month: new Int32Array(cap), arr: wide ? [] : new Float64Array(cap), duplicates: 0 };
    }
    let k = -1, dup = 0;
    const months = cm.month;
    if (wide) {
      const arr = cm.arr as bigint[];
      for (let i = start; i < end; i++) {
        const row = order[i]!;
        const m = store.month[row]! - firstMonth;
        const v = store.wide![row]!;
        if (k >= 0 && months[k] === m) { arr[k] = arr[k]! + v; dup++; } else { k++; months[k] = m; arr[k] = v; }
      }
    } else {
      const arr = cm.arr as Float64Array;
      const value = store.value!;
      for (let i = start; i < end; i++) {
        const row = order[i]!;
        const m = store.month[row]! - firstMonth;
        const v = value[row]!;
        // Adding duplicates could pass 2^53 in theory; the store's values are far below it in practice, and the check keeps it exact.
        if (k >= 0 && months[k] === m) { arr[k] = arr[k]! + v; dup++; if (arr[k]! > Number.MAX_SAFE_INTEGER) throw new RangeError('a customer-month total is beyond exact arithmetic'); } else { k++; months[k] = m; arr[k] = v; }
      }
    }
    cm.count = k + 1;
    cm.duplicates = dup;
    fn(c, cm);
  }
}
