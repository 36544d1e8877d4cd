// Big content shown a stage per task: after new `key` content arrives, the
// count of stages shown goes 0, 1, … `stages`, one per macrotask, so no single
// main-thread task draws all of it (a task over ~100 ms is a frozen window).
import { useEffect, useState } from 'react';

export function useStaged(key: unknown, stages: number): number {
  const [state, setState] = useState({ key, shown: 0 });
  // New content starts again from nothing in the very render that shows it (an effect would be one render late).
  const shown = state.key === key ? state.shown : 0;
  useEffect(() => {
    if (shown >= stages) return;
    const t = setTimeout(() => setState((s) => ({ key, shown: (s.key === key ? s.shown : 0) + 1 })), 0);
    return () => clearTimeout(t);
  }, [key, shown, stages]);
  return shown;
}
