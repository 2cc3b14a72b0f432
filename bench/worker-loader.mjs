// Starts a benchmark worker thread from its TypeScript source: the tsx loader is registered in
// the thread first (loader flags of the main thread do not reach worker threads on Node.js 20).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
