import { setFlagsFromString } from 'node:v8';

/**
 * How much V8 lets the old generation grow past what survived the last full collection (ADR 0077).
 * V8's own factor (up to 4x when collections are cheap) let the API sit at 270-310 MB under load on
 * the bench; at 40 % it sits at about 170 MB for the same CPU per request. Node does not accept the
 * flag in NODE_OPTIONS, so the process sets it on itself as it starts: one place for the API, the
 * worker and whatever way either is launched.
 */
export const HEAP_GROWING_PERCENT = 40;

const FLAG = '--heap-growing-percent';

/** The flag to set, or null when the process was started with its own value (an operator's choice wins). */
export function heapGrowthFlag(execArgv: readonly string[]): string | null {
  // V8 reads `_` and `-` in a flag's name alike (`--heap_growing_percent=80`), and execArgv keeps the spelling.
  const given = execArgv.some((argument) => argument.split('=')[0].replaceAll('_', '-') === FLAG);
  return given ? null : `${FLAG}=${HEAP_GROWING_PERCENT}`;
}

/** Called first thing in an entry point; V8 reads the factor each time it sizes the heap after a collection. */
export function limitHeapGrowth(execArgv: readonly string[] = process.execArgv): void {
  const flag = heapGrowthFlag(execArgv);
  if (flag) setFlagsFromString(flag);
}
