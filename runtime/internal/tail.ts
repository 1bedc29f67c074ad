/**
 * Tail calls: why a recursive loop runs in constant memory.
 *
 * Erlang writes every loop as a function that calls itself last, and a tail call keeps no frame:
 *
 *   loop(S) -> receive {ping, From} -> From ! pong, loop(S) end.
 *   accept_loop(L) -> {ok, S} = gen_tcp:accept(L), serve(S), accept_loop(L).
 *
 * Ported literally, each level is a promise resolved with the next level's promise: an async
 * function's `return loop(S)`, a receive clause whose body returns `loop(S)`. JavaScript keeps
 * every such promise subscribed to the next one until the last settles, so memory grows with
 * every iteration. The runtime cannot change what a promise does, but it can see every promise
 * a process makes (the promise hooks of context.ts) and give those promises a `then` of its
 * own, {@link tailThen}: adopting a promise — the step that forms each link of the chain —
 * calls it. There the runtime does what Erlang does with the frame:
 *
 *   A adopts P (A is resolved with P; A's value will be P's). If A itself settles only for a
 *   chain's head H (A was adopted the same way, and nothing else observes A), then P settles
 *   for H directly, and A, which no one awaits, is dropped: it never settles and is garbage.
 *   Else A becomes a head: P settles for A.
 *
 * Which promises take part (*tracked* promises): every promise a process makes that has no
 * parent (an async function's, `new Promise`, `Promise.resolve`) and the promise of every
 * receive with clause bodies. Observers are counted: a `then`, an `await`, an adoption of a
 * tracked promise each make a promise whose parent it is (context.ts counts them).
 *
 * Whether a `then` call is an adoption: V8 adopts a thenable in a job of its own, whose promise
 * the hooks report (`before`) just before it calls `then`. A tracked promise has jobs of that
 * kind only, except a receive's promise, whose reaction runs the clause body: the runtime marks
 * the start of that code ({@link userCode}).
 *
 * A skipped level observed after all (it was stored and awaited later) takes its head's outcome,
 * which is its own: every level of a tail chain ends with the same value.
 *
 * What stays linear: a level that awaits the next one (`return await loop(S)`,
 * `return await receive(...)`) is not a tail call, in JavaScript as in Erlang, where a body call
 * grows the stack. Each such level is a head; past {@link headWarning} pending heads in one
 * process, the process is named in one logged warning.
 *
 * This module imports nothing of the process table; context.ts and process.ts drive it.
 */

/** Observers so far, other than the tail machinery's own subscriptions: what makes a promise tracked. */
const kSeen = Symbol('erlts.seen');
/** The head a tracked promise settles for, once it was adopted by a tracked promise. */
const kHead = Symbol('erlts.head');
/** The head a tracked promise is, once it adopted a promise and could not be skipped. */
const kOwnHead = Symbol('erlts.ownHead');
/** A skipped level's own resolvers, for an observer that comes after all. */
const kSkipped = Symbol('erlts.skipped');

type Resolve = (value: unknown) => void;
type Reject = (error: unknown) => void;

/** A skipped level: its own resolvers, used if it is observed after all. */
interface Skipped {
  readonly resolve: Resolve;
  readonly reject: Reject;
  adopted: boolean;
}

/** A promise the tail machinery follows: see the module comment. */
export interface Tracked extends Promise<unknown> {
  [kSeen]: number;
  [kHead]?: Head;
  [kOwnHead]?: Head;
  [kSkipped]?: Skipped;
}

/** What the tail machinery counts on a process (process.ts implements it). */
export interface TailOwner {
  /** Heads not settled yet. */
  tailHeads: number;
  /** Called once, when `tailHeads` first reaches {@link headWarning}. */
  tailWarning(): void;
}

/** Pending heads in one process at which the process is named in a warning. */
export const headWarning = 10_000;

// eslint-disable-next-line @typescript-eslint/unbound-method -- always called with .call
const nativeThen = Promise.prototype.then;

/**
 * The head of a chain: a promise that settles for every level after it, with the resolvers the
 * adoption gave for it. A head can itself turn out to be a level of an older chain (levels are
 * adopted innermost first when a body returns `loop(S)` and loop returns `receive(...)`): it is
 * then merged into that chain's head, and settles it instead. Counted on its process while it
 * is pending and not merged.
 */
class Head {
  readonly promise: Promise<unknown>;
  readonly resolve: Resolve;
  readonly reject: Reject;
  #owner: TailOwner | null;
  /** The head this one was merged into (then its own promise is a skipped level). */
  #into: Head | null = null;

  constructor(promise: Promise<unknown>, resolve: Resolve, reject: Reject, owner: TailOwner | null) {
    this.promise = promise;
    this.resolve = resolve;
    this.reject = reject;
    this.#owner = owner;
    if (owner !== null && ++owner.tailHeads === headWarning) owner.tailWarning();
  }

  /** The head that settles for this one: itself, unless merged. Shortens the path it follows. */
  root(): Head {
    const into = this.#into;
    if (into === null) return this;
    const root = into.root();
    this.#into = root;
    return root;
  }

  /** From now on this head settles `into` (a head that is a root) instead of its own promise. */
  mergeInto(into: Head): void {
    this.#into = into;
    this.#uncount();
  }

  readonly fulfilled = (value: unknown): void => {
    const root = this.root();
    root.#uncount();
    root.resolve(value);
  };

  readonly rejected = (error: unknown): void => {
    const root = this.root();
    root.#uncount();
    root.reject(error);
  };

  #uncount(): void {
    const owner = this.#owner;
    if (owner !== null) {
      owner.tailHeads--;
      this.#owner = null;
    }
  }
}

/** The promise of the job running now, if it is tracked and no user code of the job ran yet. */
let adopter: Tracked | null = null;
/** The process whose job runs (context.ts's owner), as far as tail.ts needs it. */
let owner: TailOwner | null = null;

/** For context.ts's `before` hook: a job of `promise` begins, as `who`. */
export function jobBegins(promise: Promise<unknown>, who: unknown): void {
  adopter = (promise as Partial<Tracked>)[kSeen] === undefined ? null : (promise as Tracked);
  owner = who as TailOwner | null;
}

/** For context.ts's `after` hook. */
export function jobEnds(): void {
  adopter = null;
  owner = null;
}

/** The runtime is about to run user code in a job of a tracked promise (a clause body). */
export function userCode(): void {
  adopter = null;
}

/** Makes `promise` tracked. */
export function track(promise: Promise<unknown>): void {
  (promise as Tracked)[kSeen] = 0;
  (promise as { then: unknown }).then = tailThen;
}

/** Whether a promise is tracked (for context.ts's `init` hook). */
export function isTracked(promise: Promise<unknown>): promise is Tracked {
  return (promise as Partial<Tracked>)[kSeen] !== undefined;
}

/** For context.ts: `promise` (tracked) has gained an observer. */
export function observed(promise: Tracked): void {
  promise[kSeen]++;
  const skipped = promise[kSkipped];
  if (skipped !== undefined && !skipped.adopted) {
    // A skipped level is observed after all: it settles as its head does.
    skipped.adopted = true;
    subscribe((promise[kHead] as Head).root().promise, skipped.resolve, skipped.reject);
  }
}

/** `Promise.prototype.then` for the machinery itself: not counted as an observer. */
function subscribe(promise: Promise<unknown>, resolve: Resolve, reject: Reject): void {
  void nativeThen.call(promise, resolve, reject);
  if (isTracked(promise)) promise[kSeen]--;
}

/**
 * The `then` of a tracked promise: `Promise.prototype.then`, except when the call is the
 * adoption of this promise by a tracked one (see the module comment).
 */
function tailThen(this: Tracked, onFulfilled?: unknown, onRejected?: unknown): Promise<unknown> | undefined {
  const by = adopter;
  if (by === null || by === this || this[kHead] !== undefined) {
    // Not an adoption by a tracked promise, or a second adoption of this promise: a plain
    // subscription (a skipped level observed this way settles as its head does: `observed`).
    return nativeThen.call(this, onFulfilled as Resolve, onRejected as Reject);
  }
  adopter = null;
  const resolve = onFulfilled as Resolve;
  const reject = onRejected as Reject;
  // What this promise settles for: `by`'s head if `by` settles for nothing else (`by` is then a
  // skipped level: a tail call), else `by` itself, as a new head.
  let head = by[kHead];
  if (head !== undefined && by[kSeen] === 0) {
    head = head.root();
    by[kSkipped] = { resolve, reject, adopted: false };
  } else {
    head = new Head(by, resolve, reject, owner);
    by[kOwnHead] = head;
  }
  this[kHead] = head;
  const own = this[kOwnHead];
  if (own !== undefined && this[kSeen] === 0) {
    // This promise is itself a head that nothing else observes: a level adopted after the one
    // it adopted (innermost first). It is skipped too, its head merged.
    this[kSkipped] = { resolve: own.resolve, reject: own.reject, adopted: false };
    own.mergeInto(head);
    return undefined;
  }
  subscribe(this, head.fulfilled, head.rejected);
  return undefined;
}
