/**
 * Which process is running: the implicit context behind `self()`.
 *
 * A process is an async function, so its code runs in many separate microtask
 * jobs. Each job must know whose it is. We propagate the owner through V8's
 * promise hooks, the mechanism AsyncLocalStorage is built on, without the
 * async_hooks layer on top (measured in docs/PERFORMANCE.md: roughly twice
 * AsyncLocalStorage's speed on message ping-pong under Node 20):
 *
 *   init(promise)   a promise made while P runs belongs to P
 *   before(promise) a reaction job on it (an `await` resuming) runs as P
 *   after(promise)  back to "no process" until the next job says otherwise
 *
 * So an `await` anywhere inside P, on a runtime promise or a foreign one
 * (fs, fetch), resumes as P. Raw Node callbacks (setTimeout, EventEmitter
 * listeners) run as no process, which the runtime treats as the shell.
 */
import { promiseHooks } from 'node:v8';
import { isTracked, jobBegins, jobEnds, observed, track } from './tail.js';

const owner = Symbol('erlts.owner');

type Tagged = Promise<unknown> & { [owner]?: unknown };

let current: unknown = null;
let untagged = false;

/*
 * The same hooks serve tail.ts: a promise a process makes without a parent (an async
 * function's, `new Promise`) is tracked, and every promise made on a tracked parent (a `then`,
 * an `await`, an adoption) counts as one more observer of it.
 */
promiseHooks.createHook({
  init(promise: Tagged, parent?: Promise<unknown>) {
    if (untagged) {
      untagged = false;
      return;
    }
    if (parent !== undefined) {
      if (isTracked(parent)) observed(parent);
      if (current !== null) promise[owner] = current;
    } else if (current !== null) {
      promise[owner] = current;
      // Not a subclass's promise: its own `then` is its business.
      if (Object.getPrototypeOf(promise) === Promise.prototype) track(promise);
    }
  },
  before(promise: Tagged) {
    const who = promise[owner] ?? null;
    current = who;
    jobBegins(promise, who);
  },
  after() {
    current = null;
    jobEnds();
  },
});

/**
 * Makes a promise with `executor` without tagging it. For the runtime's own
 * wait promises: nothing reacts to them but an `await`, whose own job is
 * tagged, and an untagged promise is one less object kept alive per waiting
 * process.
 */
export function untaggedPromise<T>(executor: (resolve: (value: T) => void) => void): Promise<T> {
  untagged = true;
  const promise = new Promise<T>(executor);
  untagged = false;
  return promise;
}

/**
 * The process a promise was made by, or null (made outside any process, or untagged). How an
 * unhandled rejection is traced to the process whose failure it is.
 */
export function ownerOf(promise: Promise<unknown>): unknown {
  return (promise as Tagged)[owner] ?? null;
}

/** The process whose code is running, or null outside any process. */
export function currentOwner(): unknown {
  return current;
}

/**
 * Runs `fn` synchronously as `who`: everything it awaits resumes as `who`.
 * Restores the previous owner afterwards, so calls nest.
 */
export function runAs<T>(who: unknown, fn: () => T): T {
  const previous = current;
  current = who;
  try {
    return fn();
  } finally {
    current = previous;
  }
}
