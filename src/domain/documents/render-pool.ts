// Documents render off the event loop: one pool of worker threads (piscina), one per core, created
// on the first render. A burst of downloads then keeps every core busy while this thread goes on
// answering API calls. Tasks carry plain data (render-tasks.ts); files come back as moved bytes.
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import type { Piscina } from 'piscina';
import type { RenderResults, RenderTask, TaskOf } from './render-tasks.ts';

/** Tasks waiting for a thread, at most; callers beyond it wait their turn here (back-pressure). */
export const RENDER_QUEUE_LIMIT = 256;
/** A thread with nothing to do for this long ends (the first stays while the process lives). */
const IDLE_MS = 60_000;
/**
 * Each thread's heap, capped: left alone, V8 lets a busy thread's heap grow far past what it holds
 * (3,000 combined-PDF pages took two threads from 145 to 300 MB; capped, ~270 MB). The largest
 * task, a manifest of 50,000 pieces, peaks at ~36 MB of heap. V8 lets the old generation reach
 * half its cap before the first full collection, so the cap is no higher than needed. The young
 * generation holds a few labels' drawing: V8's default grew to 32 MB resident per thread once a
 * combined PDF ran; 16 MB keeps collections at ~7% of a thread's time (4 MB saved ~15 MB more
 * per thread but tripled collection time: 2.0 s against 0.6 s per 500 labels).
 */
const THREAD_HEAP = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 };

/**
 * The worker file beside this one, with this module's extension: `.ts` under tsx (tests,
 * `tsx src/server.ts`), `.js` when compiled into dist/.
 */
function workerFile(): URL {
  const ext = extname(new URL(import.meta.url).pathname);
  return new URL(`./render-worker${ext}`, import.meta.url);
}

let pool: Promise<Piscina> | null = null;
const waiting: (() => void)[] = [];

async function openPool(): Promise<Piscina> {
  const { Piscina } = await import('piscina');
  const file = workerFile();
  const threads = Math.max(1, availableParallelism());
  return new Piscina({
    filename: file.href,
    minThreads: 1,
    maxThreads: threads,
    maxQueue: RENDER_QUEUE_LIMIT,
    idleTimeout: IDLE_MS,
    resourceLimits: THREAD_HEAP,
    // Between tasks a thread waits with its event loop running. Paused instead (piscina's default),
    // V8's own follow-up work after a collection never ran under a steady stream of tasks: freed
    // buffers stayed counted, collections came late, and a 10,000-label combined PDF held ~45 MB
    // of dead buffers on each thread (batch peak RSS 415-435 MB; 300 MB with the loop running).
    atomics: 'async',
  });
}

const thePool = () => (pool ??= openPool());

/** Threads of the pool (for figures and tests). */
export const renderThreads = (): number => Math.max(1, availableParallelism());

async function run<K extends RenderTask['kind']>(task: TaskOf<K>): Promise<RenderResults[K]> {
  const p = await thePool();
  // Piscina rejects a task beyond its queue limit; wait for one to finish instead.
  while (p.queueSize >= RENDER_QUEUE_LIMIT) await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return (await p.run(task)) as RenderResults[K];
  } finally {
    waiting.shift()?.();
  }
}

const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Renders a task on the pool; file bytes come back as a Buffer. */
export async function renderOnPool<K extends RenderTask['kind']>(task: TaskOf<K>): Promise<RenderResults[K] extends Uint8Array ? Buffer : RenderResults[K]> {
  const result = await run<K>(task);
  return (result instanceof Uint8Array ? asBuffer(result) : result) as RenderResults[K] extends Uint8Array ? Buffer : RenderResults[K];
}

/** Ends the pool's threads (a later render opens a new pool). */
export async function closeRenderPool(): Promise<void> {
  const open = pool;
  pool = null;
  if (open) await (await open).destroy();
}
