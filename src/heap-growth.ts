// How far V8 lets a heap grow past what it holds. After each full collection V8 sets the next
// limit at up to 4x the live size on a machine with memory to spare: a 10,000-label batch held
// ~50 MB live on the main thread and 232 MB of heap (peak RSS 639 MB, 130 MB of it garbage V8
// had no reason to collect). At 1.3x the heap stayed ~100 MB for ~0.4 s more collection time per
// 2,000 labels. One process-wide V8 flag: it applies to every thread (the render pool's too),
// and V8 reads it at every collection, so setting it at start is enough.
import { setFlagsFromString } from 'node:v8';

const HEAP_GROWING_PERCENT = 30;

let applied = false;

/** Once per process, unless node was started with its own --heap-growing-percent. */
export function keepHeapTight(): void {
  if (applied) return;
  applied = true;
  const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) => arg.includes('heap-growing-percent') || arg.includes('heap_growing_percent'));
  if (!given) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
