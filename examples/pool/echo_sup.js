// @ts-check
// The pool's top supervisor: two simple_one_for_one supervisors, one of acceptors (each given the
// listen socket) and one of connection handlers.
//
// -module(echo_sup).
// -behaviour(supervisor).
// start_link(LS) -> supervisor:start_link({local, echo_sup}, ?MODULE, [LS]).
// init([LS]) ->
//     {ok, {#{strategy => one_for_all, intensity => 1, period => 5},
//           [#{id => handler_sup, start => {pool_sup, start_link, [handler_sup, echo_handler, []]},
//              type => supervisor},
//            #{id => acceptor_sup, start => {pool_sup, start_link, [acceptor_sup, acceptor, [LS]]},
//              type => supervisor}]}}.
import * as supervisor from 'erlts/supervisor';
import * as echo_sup from './echo_sup.js';
import * as pool_sup from './pool_sup.js';

export const MODULE = 'echo_sup';

/** @param {import('erlts/gen_tcp').socket} LS */
export const start_link = (LS) => supervisor.start_link(['local', 'echo_sup'], echo_sup, [LS]);

/** @param {[import('erlts/gen_tcp').socket]} Args */
export function init([LS]) {
  return [
    'ok',
    [
      { strategy: 'one_for_all', intensity: 1, period: 5 },
      [
        {
          id: 'handler_sup',
          start: [pool_sup, 'start_link', ['handler_sup', 'echo_handler', []]],
          type: 'supervisor',
        },
        {
          id: 'acceptor_sup',
          start: [pool_sup, 'start_link', ['acceptor_sup', 'acceptor', [LS]]],
          type: 'supervisor',
        },
      ],
    ],
  ];
}
