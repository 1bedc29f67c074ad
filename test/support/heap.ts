/**
 * Heap measurement for the tests that show a loop runs in constant memory: the heap after full
 * collections, whether or not Node was started with --expose-gc.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** The used heap, in bytes, after two full collections. */
export function settledHeap(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
