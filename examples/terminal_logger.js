// @ts-check
/**
 * The event handler of OTP Design Principles' gen_event chapter, ported literally:
 *
 *   -module(terminal_logger).
 *   -behaviour(gen_event).
 *   -export([init/1, handle_event/2, terminate/2]).
 *   init(_Args) -> {ok, []}.
 *   handle_event(ErrorMsg, State) ->
 *       io:format("***Error*** ~p~n", [ErrorMsg]),
 *       {ok, State}.
 *   terminate(_Args, _State) -> ok.
 *
 * Run it (`node examples/terminal_logger.js`) and it does
 * what the chapter does in the shell: starts the event manager error_man, adds the handler,
 * sends it an event, deletes it and stops the manager.
 */
import { io, run } from 'erlts';
import * as gen_event from 'erlts/gen_event';
import { fileURLToPath } from 'node:url';
import * as terminal_logger from './terminal_logger.js';

export const MODULE = 'terminal_logger';

/** @param {unknown} _Args */
export function init(_Args) {
  return ['ok', []];
}

/** @param {unknown} ErrorMsg @param {unknown} State */
export function handle_event(ErrorMsg, State) {
  io.format('***Error*** ~p~n', [ErrorMsg]);
  return ['ok', State];
}

/** @param {unknown} _Args @param {unknown} _State */
export function terminate(_Args, _State) {
  return 'ok';
}

/** The chapter's shell session. */
export async function main() {
  // 1> gen_event:start({local, error_man}).
  io.format('~p~n', [await gen_event.start(['local', 'error_man'])]);
  // 2> gen_event:add_handler(error_man, terminal_logger, []).
  io.format('~p~n', [await gen_event.add_handler('error_man', terminal_logger, [])]);
  // 3> gen_event:notify(error_man, no_reply).
  // ***Error*** no_reply   (printed by the manager, here just after the shell's ok)
  // ok
  io.format('~p~n', [gen_event.notify('error_man', 'no_reply')]);
  // 4> gen_event:delete_handler(error_man, terminal_logger, []).
  io.format('~p~n', [await gen_event.delete_handler('error_man', terminal_logger, [])]);
  // 5> gen_event:stop(error_man).
  io.format('~p~n', [await gen_event.stop('error_man')]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run(main);
