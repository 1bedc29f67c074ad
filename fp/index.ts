/**
 * erlts/fp — an fp-ts face over erlts's Erlang-shaped results, for code that composes effects
 * as `Either` and `TaskEither` rather than matching on tuples (DESIGN §5). fp-ts is an
 * optional peer dependency: install it to use this entry; no other entry of erlts loads it.
 *
 * - Conversions, total on the shapes they take: `fromResult`/`toResult` (`ok` ↔
 *   `right(undefined)`, `{ok, X}` ↔ `right(X)`, `{error, R}` ↔ `left(R)`),
 *   `fromUndefinedAtom`/`toUndefinedAtom` (the atom `undefined` ↔ `none`), `fromResultTask` and
 *   `liftResult` for a function that gives a Promise of a result. They are fp-ts vocabulary, so
 *   they take fp-ts's names.
 * - The faces, one namespace per Erlang module and Erlang's names inside: `gen_tcp`, `gen_udp`,
 *   `inet`, `socket` and `gen_server.call` give `TaskEither<Reason, Value>` with Reason the union the
 *   wrapped function declares (derived from its type, so it cannot drift); `erlang` gives
 *   `Option` for the BIFs that answer `undefined` (`whereis`, `get`, `process_info`, ...).
 *   A face's task calls the function when it runs, in the process that runs it; bad arguments
 *   raise as the function raises them (badarg is a programming error, not a Left).
 * - Back to Erlang: `runOrExit(Task)` in a process gives the Right, or exits with the Left as
 *   the reason so its supervisor sees it; `tryCatchExit` makes a call that exits its caller
 *   (gen_statem's, gen_event's) a TaskEither of the exit reason.
 *
 * A new module's face goes in `fp/internal/ns/<module>.ts`, made with `liftResult`, and is
 * exported here as a namespace.
 *
 * @example
 * // {ok, LSock} = gen_tcp:listen(0, [binary, {active, false}]),
 * // {ok, Port} = inet:port(LSock)
 * import * as fp from 'erlts/fp';
 * import * as TE from 'fp-ts/lib/TaskEither.js';
 * import { pipe } from 'fp-ts/lib/function.js';
 * const Port = await fp.runOrExit(
 *   pipe(fp.gen_tcp.listen(0, ['binary', ['active', false]]), TE.chainW(fp.inet.port)),
 * );
 */
export {
  fromResult,
  toResult,
  fromResultTask,
  liftResult,
  type Result,
  type Success,
  type Failure,
  type ResultOf,
} from './internal/result.js';
export { fromUndefinedAtom, toUndefinedAtom } from './internal/option.js';
export { runOrExit, tryCatchExit } from './internal/exit.js';
export type { Face, FaceOf } from './internal/face.js';
export * as erlang from './internal/ns/erlang.js';
export * as gen_tcp from './internal/ns/gen_tcp.js';
export * as gen_udp from './internal/ns/gen_udp.js';
export * as inet from './internal/ns/inet.js';
export * as socket from './internal/ns/socket.js';
export * as gen_server from './internal/ns/gen_server.js';
