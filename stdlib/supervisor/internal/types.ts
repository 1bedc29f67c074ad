/**
 * The types of a supervisor callback module, its flags and its child specifications.
 *
 * `SupervisorCallbacks` is what start_link takes: loose enough that a literal port, whose
 * `return ['ok', [{ strategy: 'one_for_one', intensity: 1, period: 5 }, [ChildSpec]]]` TypeScript
 * infers as arrays of strings and objects, compiles without annotations, and strict enough that an
 * init of the wrong shape does not (one returning an object, a number, a bare string other than
 * `ignore`, flags with a numeric strategy, a child spec without `id` or `start`). `SupFlags`,
 * `ChildSpec` and `InitResult` are the exact types, for code that wants every field checked:
 * `return [...] satisfies supervisor.InitResult`.
 */
import type { List } from '../../../runtime/index.js';

type Maybe<T> = T | Promise<T>;

/** A restart strategy. */
export type Strategy = 'one_for_one' | 'one_for_all' | 'rest_for_one' | 'simple_one_for_one';

/** When a supervisor shuts itself down after significant children end. */
export type AutoShutdown = 'never' | 'any_significant' | 'all_significant';

/** A child's restart type. */
export type Restart = 'permanent' | 'transient' | 'temporary';

/** How a child is stopped: killed at once, given that many milliseconds, or waited for. */
export type Shutdown = 'brutal_kill' | number | 'infinity';

/** A child's type. */
export type ChildType = 'worker' | 'supervisor';

/** `{M, F, A}`: the call `M[F](...A)` that starts a child. */
export type MFArgs = readonly [module: object, fn: string, args: readonly unknown[]];

/** The supervisor flags as a map (every key optional; defaults one_for_one, 1, 5, never). */
export interface SupFlagsMap {
  readonly strategy?: Strategy;
  readonly intensity?: number;
  readonly period?: number;
  readonly auto_shutdown?: AutoShutdown;
}

/** The supervisor flags: a map, or OTP's old tuple `{Strategy, Intensity, Period}`. */
export type SupFlags = SupFlagsMap | readonly [Strategy, number, number];

/** A child specification as a map (`id` and `start` mandatory). */
export interface ChildSpecMap {
  readonly id: unknown;
  readonly start: MFArgs;
  readonly restart?: Restart;
  readonly significant?: boolean;
  readonly shutdown?: Shutdown;
  readonly type?: ChildType;
  readonly modules?: readonly object[] | 'dynamic';
}

/** A child specification: a map, or OTP's old tuple `{Id, Start, Restart, Shutdown, Type, Modules}`. */
export type ChildSpec =
  | ChildSpecMap
  | readonly [
      id: unknown,
      start: MFArgs,
      restart: Restart,
      shutdown: Shutdown,
      type: ChildType,
      modules: readonly object[] | 'dynamic',
    ];

/** A full child specification as get_childspec gives it (every key filled in). */
export interface FullChildSpec {
  id: unknown;
  start: [module: object, fn: string, args: List | 'undefined'];
  restart: Restart;
  significant: boolean;
  shutdown: Shutdown;
  type: ChildType;
  modules: List | 'dynamic';
}

/** init/1's results. */
export type InitResult = ['ok', [SupFlags, readonly ChildSpec[]]] | 'ignore';

/** A supervisor callback module with init typed exactly. */
export interface SupervisorModule {
  readonly MODULE?: string;
  init(args: never): Maybe<InitResult>;
}

// ---- what start_link accepts -----------------------------------------------------------------

type LooseFlags =
  | {
      readonly strategy?: string;
      readonly intensity?: number;
      readonly period?: number;
      readonly auto_shutdown?: string;
    }
  | readonly unknown[];

type LooseChildSpec =
  | {
      readonly id: unknown;
      readonly start: readonly unknown[];
      readonly restart?: string;
      readonly significant?: boolean;
      readonly shutdown?: string | number;
      readonly type?: string;
      readonly modules?: readonly unknown[] | string;
    }
  | readonly unknown[];

type LooseInit = 'ignore' | readonly (string | readonly (LooseFlags | readonly LooseChildSpec[])[])[];

/**
 * What start_link accepts as a supervisor callback module (see the file's comment): an `init`
 * returning `ignore` or an array of `ok` and the flags and child specs.
 */
export interface SupervisorCallbacks {
  readonly MODULE?: string;
  init(args: never): Maybe<LooseInit>;
}
