// @ts-check
// A connection handler: a gen_server that owns one connection in {active, once} and echoes
// what it reads, until the peer closes.
//
// -module(echo_handler).
// -behaviour(gen_server).
// start_link(S) -> gen_server:start_link(?MODULE, S, []).
// init(S) -> {ok, S}.
// handle_cast(go, S) -> ok = inet:setopts(S, [{active, once}]), {noreply, S}.
// handle_info({tcp, S, Data}, S) ->
//     ok = gen_tcp:send(S, Data), ok = inet:setopts(S, [{active, once}]), {noreply, S};
// handle_info({tcp_closed, S}, S) -> {stop, normal, S}.
import * as gen_server from 'erlts/gen_server';
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { match } from 'erlts';
import * as echo_handler from './echo_handler.js';

export const MODULE = 'echo_handler';

/** @param {import('erlts/gen_tcp').socket} S */
export const start_link = (S) => gen_server.start_link(echo_handler, S, []);

/** @param {import('erlts/gen_tcp').socket} S */
export function init(S) {
  return ['ok', S];
}

/**
 * @param {'go'} _Go
 * @param {import('erlts/gen_tcp').socket} S
 */
export async function handle_cast(_Go, S) {
  match('ok', await inet.setopts(S, [['active', 'once']]));
  return ['noreply', S];
}

/**
 * @param {['tcp', unknown, Buffer] | ['tcp_closed', unknown]} Msg
 * @param {import('erlts/gen_tcp').socket} S
 */
export async function handle_info(Msg, S) {
  if (Msg[0] === 'tcp') {
    match('ok', await gen_tcp.send(S, Msg[2]));
    match('ok', await inet.setopts(S, [['active', 'once']]));
    return ['noreply', S];
  }
  return ['stop', 'normal', S];
}
