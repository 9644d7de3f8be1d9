/** A worker thread of `buildCases` (pool.ts): renders the cases it is sent, with the batch's profile. */
import { parentPort, workerData } from 'node:worker_threads';
import { parseProfile } from '../profile/load.js';
import { collectGarbage, WORKER_CASES_PER_COLLECTION } from '../util/heap.js';
import { renderCase } from './index.js';
import type { WorkerAnswer, WorkerRequest, WorkerSetup } from './pool.js';

const setup = workerData as WorkerSetup;
// The same text and path as the calling thread's profile: the same profile (its matchers are functions,
// which cannot be sent to a thread).
const profile = parseProfile(setup.profileSource, setup.profileFile);
const port = parentPort!;
let rendered = 0;

port.on('message', async ({ id, file }: WorkerRequest) => {
  let answer: WorkerAnswer;
  try {
    answer = { id, rendered: await renderCase(file, { profile, formats: setup.formats }) };
  } catch (error) {
    answer = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(answer, transferable(answer));
  if (++rendered % WORKER_CASES_PER_COLLECTION === 0) collectGarbage();
});

/** The outputs' buffers that are theirs alone (a pooled Buffer's memory is shared, so it is copied instead). */
function transferable(answer: WorkerAnswer): ArrayBuffer[] {
  if (!('rendered' in answer)) return [];
  const buffers = new Set<ArrayBuffer>();
  for (const { data } of answer.rendered.outputs ?? []) {
    const whole = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
    if (whole && data.buffer instanceof ArrayBuffer) buffers.add(data.buffer);
  }
  return [...buffers];
}
