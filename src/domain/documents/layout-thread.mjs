// Entry of a layout thread (see layout-threads.ts): loads the TypeScript sources through tsx, as
// the main thread does, then lays out the label inputs it is sent.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { layoutLabel } = await import('./label-layout.ts');

parentPort.on('message', ({ id, inputs }) => {
  try {
    parentPort.postMessage({ id, layouts: inputs.map((input) => layoutLabel(input)) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.postMessage({ ready: true });
