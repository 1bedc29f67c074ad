/**
 * Which process is running: the implicit context behind `self()`.
 *
 * A process is an async function, so its code runs in many separate microtask jobs. Each job
 * must know whose it is. Two ways, chosen once, when this module loads ({@link implicitContext}):
 *
 * - **AsyncContextFrame** (Node 24 and later; Node 22 started with
 *   `--experimental-async-context-frame`). V8 itself carries an embedder value from the code
 *   that makes a promise reaction, a timer or a handle to the code that runs it, and Node's
 *   AsyncLocalStorage stores its value there. A process runs inside `als.run(process, ...)`, so
 *   every job of its code, and every callback it registers, finds it with `als.getStore()`.
 *   Nothing is paid per promise.
 * - **promise hooks** (Node 20, Node 22 by default). V8's promise hooks, the mechanism
 *   AsyncLocalStorage is built on there, without the async_hooks layer on top (roughly twice
 *   AsyncLocalStorage's speed on message ping-pong under Node 20):
 *
 *     init(promise)   a promise made while P runs belongs to P
 *     before(promise) a reaction job on it (an `await` resuming) runs as P
 *     after(promise)  back to "no process" until the next job says otherwise
 *
 *   Raw Node callbacks (setTimeout, EventEmitter listeners) run as no process there.
 *
 * Either way an `await` inside P, on a runtime promise or a foreign one (fs, fetch), resumes as
 * P. `ERLTS_CONTEXT=hooks` in the environment forces the promise hooks where the frame exists
 * (to compare them, or for a program that wants the tail calls below from its first level).
 *
 * The promise hooks also drive tail.ts: a loop written as a function that calls itself last runs
 * in constant memory only because the hooks see the promises it makes. On the frame path they are
 * installed the first time a process shows such a loop ({@link needTailCalls}): a receive clause
 * body that returns a promise, or the same function twice on the stack when a process blocks
 * (sampled: {@link recursionOnStack}). Until then nothing pays for them; after, a loop keeps the
 * levels it made before (a few) and no more.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { promiseHooks } from 'node:v8';
import { isTracked, jobBegins, jobEnds, observed, track } from './tail.js';

/** How this runtime finds the running process: see the module comment. */
export type ImplicitContext = 'AsyncContextFrame' | 'promiseHooks';

/** The flags this Node was started with: its command line's, then NODE_OPTIONS'. */
export function nodeFlags(): string[] {
  return [...process.execArgv, ...(process.env['NODE_OPTIONS'] ?? '').split(/\s+/)];
}

/** Whether this Node carries async context in AsyncContextFrame. */
function hasAsyncContextFrame(): boolean {
  const flags = nodeFlags();
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= 24) return !flags.includes('--no-async-context-frame');
  return major >= 22 && flags.includes('--experimental-async-context-frame');
}

/**
 * How erlts finds the process behind `self()`, chosen once when it loads: `'AsyncContextFrame'`
 * on Node 24 and later (and Node 22 run with `--experimental-async-context-frame`), where
 * nothing is paid per promise, else `'promiseHooks'`. `ERLTS_CONTEXT=hooks` in the environment
 * forces the promise hooks. Benchmarks print it in their header (docs/PERFORMANCE.md).
 * @example
 * // erlang:system_info(schedulers) says how Erlang runs its processes; this says how erlts does
 * import { implicit_context } from 'erlts';
 * console.log(implicit_context); // 'AsyncContextFrame' on Node 24
 * @see https://nodejs.org/api/async_context.html#class-asynclocalstorage
 */
export const implicitContext: ImplicitContext =
  process.env['ERLTS_CONTEXT'] !== 'hooks' && hasAsyncContextFrame() ? 'AsyncContextFrame' : 'promiseHooks';

const frame = implicitContext === 'AsyncContextFrame';

const owner = Symbol('erlts.owner');

type Tagged = Promise<unknown> & { [owner]?: unknown };

/** The frame path's store: the running process. */
const als = new AsyncLocalStorage<unknown>();

/** The hooks path's running process (null: none). */
let current: unknown = null;
let untagged = false;
let tailCalls = false;

/*
 * The hooks serve tail.ts as well: a promise a process makes without a parent (an async
 * function's, `new Promise`) is tracked, and every promise made on a tracked parent (a `then`,
 * an `await`, an adoption) counts as one more observer of it.
 */
function installHooks(): void {
  tailCalls = true;
  if (!frame) {
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
    return;
  }
  // The frame knows whose code runs: the hooks only track, and tag what they track.
  promiseHooks.createHook({
    init(promise: Tagged, parent?: Promise<unknown>) {
      if (untagged) {
        untagged = false;
      } else if (parent !== undefined) {
        if (isTracked(parent)) observed(parent);
      } else if (Object.getPrototypeOf(promise) === Promise.prototype) {
        const who = als.getStore();
        if (who !== undefined) {
          promise[owner] = who;
          track(promise);
        }
      }
    },
    before(promise: Tagged) {
      jobBegins(promise, promise[owner] ?? null);
    },
    after: jobEnds,
  });
}

if (!frame) installHooks();

/**
 * Turns the tail-call machinery on (once; on the hooks path it always is): a process showed a
 * loop that calls itself last.
 */
export function needTailCalls(): void {
  if (!tailCalls) installHooks();
}

/** Whether tail calls are followed (see the module comment). */
export function tailCallsOn(): boolean {
  return tailCalls;
}

/** Tracks a promise the runtime makes for a process (tail.ts), when tail calls are followed. */
export function trackTail(promise: Promise<unknown>): void {
  if (!tailCalls) return;
  if (frame) (promise as Tagged)[owner] = als.getStore();
  track(promise);
}

/**
 * Makes a promise with `executor` without tagging it. For the runtime's own
 * wait promises: nothing reacts to them but an `await`, whose own job is
 * tagged, and an untagged promise is one less object kept alive per waiting
 * process.
 */
export function untaggedPromise<T>(executor: (resolve: (value: T) => void) => void): Promise<T> {
  untagged = tailCalls;
  const promise = new Promise<T>(executor);
  untagged = false;
  return promise;
}

/**
 * The process a rejected promise is the failure of, or null: on the hooks path, the process that
 * made it; on the frame path, the one whose code rejected it (Node reports an unhandled
 * rejection in the context of the code that rejected).
 */
export const rejectionOwner: (promise: Promise<unknown>) => unknown = frame
  ? () => als.getStore() ?? null
  : (promise) => (promise as Tagged)[owner] ?? null;

/**
 * The process whose code is running, or null outside any process.
 *
 * On the frame path a Node callback (a timer's, an event listener's) that a process registered
 * runs as that process; once the process is dead it runs as no process, as every raw callback
 * does on the hooks path. A dead process's promise jobs still run as it, so that its next
 * runtime call unwinds it; a callback cannot be unwound (what it throws would end Node).
 */
export function currentOwner(): unknown {
  // Kept this small so that the hot callers (send, self) inline it on either path.
  return frame ? frameOwner() : current;
}

function frameOwner(): unknown {
  const who = als.getStore() as { readonly alive: boolean } | undefined;
  if (who === undefined) return null;
  return who.alive || !inNodeCallback() ? who : null;
}

/**
 * Whether the code running was called back by Node (a timer, an immediate, an event of a handle)
 * rather than run as a promise job: the bottom of the stack is Node's own code, and not the
 * task queue that runs promise jobs (and `process.nextTick` callbacks, which are taken for jobs).
 */
function inNodeCallback(): boolean {
  const sites = stackSites(inNodeCallback, Infinity);
  for (let i = sites.length - 1; i >= 0; i--) {
    const file = (sites[i] as Site).getFileName();
    if (file === null || file === undefined) continue;
    return file.startsWith('node:') && file !== 'node:internal/process/task_queues';
  }
  return false;
}

/** The stack frames above `above`, at most `limit` of them. */
function stackSites(above: (...args: never[]) => unknown, limit: number): readonly Site[] {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- put back as it was, never called
  const prepare = Error.prepareStackTrace;
  const previousLimit = Error.stackTraceLimit;
  const holder: { stack?: unknown } = {};
  Error.prepareStackTrace = (_error, sites) => sites;
  Error.stackTraceLimit = limit;
  try {
    Error.captureStackTrace(holder, above);
    return holder.stack as readonly Site[];
  } finally {
    Error.prepareStackTrace = prepare;
    Error.stackTraceLimit = previousLimit;
  }
}

/**
 * Runs `fn` synchronously as `who`: everything it awaits resumes as `who`.
 * Restores the previous owner afterwards, so calls nest.
 */
export const runAs: <T>(who: unknown, fn: () => T) => T = frame
  ? (who, fn) => als.run(who, fn)
  : <T>(who: unknown, fn: () => T): T => {
      const previous = current;
      current = who;
      try {
        return fn();
      } finally {
        current = previous;
      }
    };

/**
 * Runs `fn` as no process: for the runtime's own Node callbacks (its timers), which on the frame
 * path would otherwise run as whichever process armed them.
 */
export const outsideProcesses: <T>(fn: () => T) => T = frame ? (fn) => als.exit(fn) : (fn) => fn();

/** What {@link recursionOnStack} reads of a stack frame. */
interface Site {
  getFileName(): string | null | undefined;
  getFunctionName(): string | null;
  getLineNumber(): number | null;
  getEnclosingLineNumber?(): number | null;
  getEnclosingColumnNumber?(): number | null;
  isAsync?(): boolean;
}

/**
 * Whether one function is on the synchronous stack twice: the mark of a loop that calls itself
 * (`loop(S) -> ..., loop(S).`), caught as it calls the next level, which runs to its first wait
 * on top of the level that called it. Erlang's tail call leaves no frame; here each level is a
 * promise that only the tail-call machinery drops.
 */
export function recursionOnStack(): boolean {
  const seen = new Set<string>();
  for (const site of stackSites(recursionOnStack, 24)) {
    if (site.isAsync?.() === true) break;
    const file = site.getFileName();
    if (file === null || file === undefined || file.startsWith('node:')) continue;
    const line = site.getEnclosingLineNumber?.() ?? null;
    // Where the function is defined, or failing that its name (an unnamed one cannot tell).
    const key =
      line !== null
        ? `${file}:${line}:${site.getEnclosingColumnNumber?.() ?? 0}`
        : `${file}:${site.getFunctionName() ?? `<anonymous ${site.getLineNumber() ?? 0}>`}`;
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}
