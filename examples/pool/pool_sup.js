// @ts-check
// A simple_one_for_one supervisor of temporary gen_server children of one module: the pool of
// acceptors, and the pool of connection handlers.
//
// -module(pool_sup).
// -behaviour(supervisor).
// start_link(Name, Mod, Args) -> supervisor:start_link({local, Name}, ?MODULE, [Mod, Args]).
// init([Mod, Args]) ->
//     {ok, {#{strategy => simple_one_for_one},
//           [#{id => Mod, start => {Mod, start_link, Args}, restart => temporary}]}}.
import * as supervisor from 'erlts/supervisor';
import * as pool_sup from './pool_sup.js';
import * as acceptor from './acceptor.js';
import * as echo_handler from './echo_handler.js';

export const MODULE = 'pool_sup';

/** The child modules by name, as Erlang finds a module by its atom. */
const modules = { acceptor, echo_handler };

/**
 * @param {string} Name
 * @param {'acceptor' | 'echo_handler'} Mod
 * @param {unknown[]} Args
 */
export const start_link = (Name, Mod, Args) => supervisor.start_link(['local', Name], pool_sup, [Mod, Args]);

/** @param {['acceptor' | 'echo_handler', unknown[]]} Args */
export function init([Mod, Args]) {
  const M = modules[Mod];
  return [
    'ok',
    [{ strategy: 'simple_one_for_one' }, [{ id: Mod, start: [M, 'start_link', Args], restart: 'temporary' }]],
  ];
}
