/**
 * Worker threads for `buildCases`: each renders whole cases (read, check, Doc, every format) and sends back
 * the diagnostics and the bytes; the calling thread writes them, in the batch's order. A worker keeps its
 * fonts, subsets and shaping caches for the cases it is given, as the calling thread does; none of them
 * changes the bytes, so the output is the same with any number of workers and any scheduling.
 *
 * node:worker_threads rather than child processes: the bytes come back as transferred buffers, not through
 * a pipe, and a worker starts in a fraction of a process's time.
 */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../util/package-info.js';
import type { BuildOptions, RenderedCase } from './index.js';

/** At most this many workers, however many cores (memory: each holds its own fonts and caches). */
const maxWorkers = 8;

/** What a worker is started with. */
export interface WorkerSetup {
  profileSource: string;
  profileFile: string;
  formats: BuildOptions['formats'];
}

/** A request and its answer. */
export interface WorkerRequest {
  id: number;
  file: string;
}
export type WorkerAnswer = { id: number; rendered: RenderedCase } | { id: number; error: string };

/**
 * The worker's script: beside this module in the bundle (dist/cli) and in tsc's output (dist/build). Run from
 * the TypeScript sources (tests), tsc's compiled one, which `npm run build` writes.
 */
function workerScript(): string | undefined {
  const here = fileURLToPath(new URL('./build-worker.js', import.meta.url));
  if (existsSync(here)) return here;
  const compiled = join(packageRoot, 'dist', 'build', 'build-worker.js');
  return existsSync(compiled) ? compiled : undefined;
}

function requestedWorkers(options: BuildOptions): number | undefined {
  if (options.workers !== undefined) return options.workers;
  const env = process.env.SKRIVELSE_TRADAR;
  if (env !== undefined && /^\d+$/.test(env.trim())) return Number(env);
  return undefined;
}

/** How many workers a batch of `cases` gets (as asked for, within bounds); 1 means none (this thread renders). */
export function workerCount(cases: number, options: BuildOptions): number {
  if (options.prepare || options.renderers || cases < 2) return 1;
  if (options.profile.source === undefined || options.profile.file === undefined) return 1;
  const requested = requestedWorkers(options);
  if (requested === undefined) return 1;
  const count = Math.min(requested, maxWorkers, cases);
  return count > 1 && workerScript() !== undefined ? count : 1;
}

interface Waiting {
  resolve(rendered: RenderedCase): void;
  reject(error: Error): void;
}

/** Workers that take cases as they become free (each has at most two queued, so none idles). */
export class RenderPool {
  private readonly workers: { worker: Worker; inFlight: number }[] = [];
  private readonly waiting = new Map<number, Waiting>();
  private readonly queue: WorkerRequest[] = [];
  private nextId = 0;
  private failure: Error | undefined;

  constructor(count: number, options: BuildOptions) {
    const setup: WorkerSetup = {
      profileSource: options.profile.source!,
      profileFile: options.profile.file!,
      formats: options.formats,
    };
    const script = workerScript()!;
    for (let i = 0; i < count; i++) {
      const worker = new Worker(script, { workerData: setup });
      const entry = { worker, inFlight: 0 };
      worker.on('message', (answer: WorkerAnswer) => {
        entry.inFlight--;
        const waiting = this.waiting.get(answer.id);
        this.waiting.delete(answer.id);
        if ('error' in answer) waiting?.reject(new Error(answer.error));
        else waiting?.resolve(answer.rendered);
        this.dispatch();
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`en arbetstråd avslutades med kod ${code}`));
      });
      this.workers.push(entry);
    }
  }

  render(file: string): Promise<RenderedCase> {
    const id = this.nextId++;
    return new Promise<RenderedCase>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.waiting.set(id, { resolve, reject });
      this.queue.push({ id, file });
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (;;) {
      if (this.queue.length === 0) return;
      const free = this.workers.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
      if (free.inFlight >= 2) return;
      const request = this.queue.shift()!;
      free.inFlight++;
      free.worker.postMessage(request);
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.waiting.values()) waiting.reject(this.failure);
    this.waiting.clear();
    this.queue.length = 0;
  }

  async close(): Promise<void> {
    this.failure ??= new Error('the pool is closed');
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }
}
