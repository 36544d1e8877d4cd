// Messages between the renderer and the model worker.
import type { ModelInputs, ModelResult } from '../../../shared/index';

export interface ComputeRequest {
  seq: number;
  inputs: ModelInputs;
}

export type ComputeResponse =
  | { seq: number; ok: true; result: ModelResult<number>; ms: number }
  | { seq: number; ok: false; error: string };
