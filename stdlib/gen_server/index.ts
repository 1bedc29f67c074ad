/**
 * erlts/gen_server — OTP 25's `gen_server`: the client-server behaviour. A callback module is
 * an object whose properties are the callbacks (normally an ES module namespace), so a port keeps
 * Erlang's file-per-module shape:
 *
 * @example
 * // -module(ch3). -behaviour(gen_server).
 * // start_link() -> gen_server:start_link({local, ch3}, ch3, [], []).
 * // alloc() -> gen_server:call(ch3, alloc).
 * import * as gen_server from 'erlts/gen_server';
 * import * as ch3 from './ch3.js';
 * export const start_link = () => gen_server.start_link(['local', 'ch3'], ch3, [], []);
 * export const alloc = () => gen_server.call('ch3', 'alloc');
 */
export {
  start,
  start_link,
  start_monitor,
  call,
  cast,
  reply,
  stop,
  multi_call,
  abcast,
  enter_loop,
  send_request,
  wait_response,
  receive_response,
  check_response,
  type From,
  type Timeout,
  type ServerName,
  type ServerRef,
  type StartOption,
} from './internal/gen-server.js';
export type {
  GenServerModule,
  GenServerCallbacks,
  InitResult,
  CallResult,
  NoReplyResult,
  Next,
} from './internal/types.js';
