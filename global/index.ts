/**
 * erlts/global — OTP's `global`: names registered across the cluster, and locks on its nodes.
 * A distributed erlts node runs OTP 25's global name server protocol with its peers, BEAM nodes
 * and erlts nodes alike: `global:sync()` on a BEAM node returns once this node's names agree,
 * a name registered here is seen there and the other way round, and a gen_server started as
 * `{global, Name}` is reached from every node. On a node that is not distributed the names are
 * this node's alone (docs/distribution.md, "global").
 *
 * @example
 * import * as global from 'erlts/global';
 * // yes = global:register_name(db, self()),
 * // Pid = global:whereis_name(db)
 * await global.register_name('db', self());
 * const Pid = global.whereis_name('db');
 */
export {
  whereis_name,
  register_name,
  re_register_name,
  unregister_name,
  registered_names,
  send,
  sync,
  set_lock,
  del_lock,
  trans,
  disconnect,
  random_exit_name,
  random_notify_name,
  notify_all_name,
  type Method,
  type Id,
  type Retries,
} from './internal/api.js';
