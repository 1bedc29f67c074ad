// @ts-check
// An acceptor: a gen_server that waits for one connection, starts the next acceptor, hands the
// connection to a new handler and stops: the pool always has an acceptor waiting.
//
// -module(acceptor).
// -behaviour(gen_server).
// start_link(LS) -> gen_server:start_link(?MODULE, LS, []).
// init(LS) -> {ok, LS, {continue, accept}}.
// handle_continue(accept, LS) ->
//     {ok, S} = gen_tcp:accept(LS),
//     {ok, _} = supervisor:start_child(acceptor_sup, []),
//     {ok, Handler} = supervisor:start_child(handler_sup, [S]),
//     ok = gen_tcp:controlling_process(S, Handler),
//     gen_server:cast(Handler, go),
//     {stop, normal, LS}.
import * as gen_server from 'erlts/gen_server';
import * as gen_tcp from 'erlts/gen_tcp';
import * as supervisor from 'erlts/supervisor';
import { _, is, is_pid, match, ok } from 'erlts';
import * as acceptor from './acceptor.js';

export const MODULE = 'acceptor';

/** @param {import('erlts/gen_tcp').socket} LS */
export const start_link = (LS) => gen_server.start_link(acceptor, LS, []);

/** @param {import('erlts/gen_tcp').socket} LS */
export function init(LS) {
  return ['ok', LS, ['continue', 'accept']];
}

/**
 * @param {'accept'} _Accept
 * @param {import('erlts/gen_tcp').socket} LS
 */
export async function handle_continue(_Accept, LS) {
  const S = ok(await gen_tcp.accept(LS));
  match(['ok', _], await supervisor.start_child('acceptor_sup', []));
  const [, Handler] = match(['ok', is(is_pid)], await supervisor.start_child('handler_sup', [S]));
  match('ok', await gen_tcp.controlling_process(S, Handler));
  gen_server.cast(Handler, 'go');
  return ['stop', 'normal', LS];
}
