/**
 * gen_server's face: call/2,3, whose failure is no `{error, Reason}` but an exit of the caller
 * (`{Reason, {gen_server, call, Args}}`), as a TaskEither whose Left is that exit reason, what
 * Erlang's `catch exit:Reason` around the call takes.
 */
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import * as gen_server from 'erlts/gen_server';
import type { List } from 'erlts';
import { tryCatchExit } from '../exit.js';

/**
 * How a gen_server call fails: the exit reason `{Reason, {gen_server, call, Args}}`, Reason
 * `noproc`, `timeout`, `calling_self`, `normal`/`shutdown` or the server's exit reason, and Args
 * the call's arguments as a list (`[ServerRef, Request]`, or with the timeout for call/3).
 */
export type call_exit = readonly [reason: unknown, mfa: readonly ['gen_server', 'call', List<unknown>]];

/**
 * Calls a server: `right(Reply)`, or `left(ExitReason)` when the call fails, the reason it would
 * exit the caller with (`['noproc', ['gen_server', 'call', [ServerRef, Request]]]`,
 * `['timeout', ...]`, the server's reason when it dies meanwhile). The call is made by the
 * process that runs the task; a reply that comes after the timeout never reaches its mailbox.
 * To exit with the reason after all, run the task with `runOrExit`.
 * @param serverRef - a pid, a registered name, `[Name, Node]`, `['global', Name]` or
 *   `['via', Module, Name]`
 * @param request - the request
 * @param timeout - milliseconds or `infinity` (5000 when left out, as call/2)
 * @returns `TaskEither<call_exit, unknown>` (the reply is what the server's handle_call gave)
 * @example
 * // case catch gen_server:call(ch3, alloc) of {'EXIT', Reason} -> {left, Reason}; Ch -> {right, Ch} end
 * const Ch = await fp.gen_server.call('ch3', 'alloc')();
 * @see https://www.erlang.org/doc/man/gen_server.html#call-3
 */
export function call(
  serverRef: gen_server.ServerRef,
  request: unknown,
  ...timeout: [] | [gen_server.Timeout]
): TaskEither<call_exit, unknown> {
  return tryCatchExit(() => gen_server.call(serverRef, request, ...timeout)) as TaskEither<
    call_exit,
    unknown
  >;
}
