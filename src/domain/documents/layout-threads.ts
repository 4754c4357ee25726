// Laying a label out (its barcodes above all: DataMatrix encoding is most of a label's render
// time) is pure CPU; combined documents of thousands of labels hand it to worker threads, so
// the main thread only draws and the cores work side by side.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { LabelDocumentInput } from './label-document.ts';
import type { LabelLayout } from './label-elements.ts';

interface Waiting {
  resolve(layouts: LabelLayout[]): void;
  reject(error: Error): void;
}

class LayoutThread {
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 0;
  readonly ready: Promise<void>;

  constructor(private readonly worker: Worker) {
    this.ready = new Promise((resolve, reject) => {
      worker.once('error', reject);
      worker.once('message', () => resolve());
    });
    worker.on('message', (message: { id?: number; layouts?: LabelLayout[]; error?: string }) => {
      if (message.id === undefined) return;
      const waiting = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if (message.error !== undefined) waiting?.reject(new Error(message.error));
      else waiting?.resolve(message.layouts!);
    });
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', () => this.failAll(new Error('layout thread exited')));
  }

  private failAll(error: Error) {
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }

  layout(inputs: LabelDocumentInput[]): Promise<LabelLayout[]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, inputs });
    });
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

/** A few layout threads; groups of labels go to them in turn, answers come back in order asked. */
export class LayoutThreads {
  private turn = 0;

  private constructor(private readonly threads: LayoutThread[]) {}

  /** Up to `count` threads (one per core by default, at most 4); null when none can start. */
  static async open(count = Math.min(4, availableParallelism())): Promise<LayoutThreads | null> {
    const threads: LayoutThread[] = [];
    try {
      for (let i = 0; i < Math.max(1, count); i++) threads.push(new LayoutThread(new Worker(new URL('./layout-thread.mjs', import.meta.url))));
      await Promise.all(threads.map((t) => t.ready));
      return new LayoutThreads(threads);
    } catch {
      await Promise.all(threads.map((t) => t.terminate()));
      return null;
    }
  }

  layout(inputs: LabelDocumentInput[]): Promise<LabelLayout[]> {
    const thread = this.threads[this.turn++ % this.threads.length];
    return thread.layout(inputs);
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.terminate()));
  }
}
