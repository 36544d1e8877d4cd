// The figures a sheet shows: the company's, or one segment's when the switch
// beside the sheet tabs names one (spec §2.3: result.segments[id] has the shape
// of the company's result). A segment that is gone shows the company.
import type { ModelResult } from '@shared/index';
import { useModel } from './model-store';
import { useUi } from './ui-store';

/** The segment the figures are of, when the result has it; null: the company. */
export function useShownSegment(): string | null {
  const id = useUi((s) => s.segmentView);
  return useModel((s) => (id !== null && s.result?.segments?.[id] ? id : null));
}

export function useShownResult(): ModelResult<number> | null {
  const id = useShownSegment();
  return useModel((s) => (id !== null ? (s.result?.segments?.[id] as ModelResult<number> | undefined) ?? s.result : s.result));
}
