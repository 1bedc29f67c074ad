/**
 * erlts — the `erlang` module: processes with mailboxes, selective receive,
 * links, monitors, exit signals, registered names, timers, `decode_packet`
 * and the external term format (`term_to_binary`, `binary_to_term`), plus the `io`, `io_lib`, `timer` and `logger` namespaces.
 *
 * @example
 * import * as erlang from 'erlts';
 * import { spawn, self, send, receive, on, after, _ } from 'erlts';
 */
export {
  self,
  spawn,
  spawn_link,
  spawn_monitor,
  run,
  send,
  exit,
  error,
  throw_ as throw,
  link,
  unlink,
  monitor,
  demonitor,
  alias,
  unalias,
  type MonitorOption,
  register,
  unregister,
  whereis,
  registered,
  make_ref,
  is_process_alive,
  processes,
  process_info,
  process_flag,
  put,
  get,
  erase,
  get_keys,
  node,
  nodes,
  type NodesKind,
  is_alive,
  monitor_node,
  get_cookie,
  set_cookie,
  disconnect_node,
  spawn_request,
  spawn_request_abandon,
  type SpawnRequestOption,
  apply,
  float,
  send_after,
  start_timer,
  cancel_timer,
  read_timer,
  monotonic_time,
  system_time,
  type TimeUnit,
  type InfoItem,
} from './internal/erlang.js';
export { receive, flush, type ReceiveResult } from './internal/receive.js';
export {
  term_to_binary,
  binary_to_term,
  external_size,
  type TermToBinaryOption,
  type BinaryToTermOption,
} from './internal/etf/bifs.js';
export { make_fun, type Fun } from './internal/funs.js';
export { implicitContext as implicit_context, type ImplicitContext } from './internal/context.js';
export { ports, port_info, type PortInfoItem } from './internal/ports.js';
export { on, after, type Clause, type AfterClause } from './internal/clauses.js';
export { _, is, type Match, type Is } from './internal/pattern.js';
export { match, ok, case_, fun, type OkValue, type ClauseResult, type FunArgs } from './internal/match.js';
export { bin, matchBinary, isBinPattern, type BinPattern } from './internal/bits/index.js';
export {
  decode_packet,
  type DecodeResult,
  type DecodeOption,
  type PacketTypeName,
  type Packet,
  type HttpPacket,
  type HttpString,
  type HttpUri,
} from './internal/packet/index.js';
export {
  Pid,
  Ref,
  Port,
  List,
  ImproperList,
  BitString,
  type BoxedFloat,
  list,
  is_pid,
  is_reference,
  is_port,
  is_atom,
  is_boolean,
  is_tuple,
  is_list,
  is_binary,
  is_integer,
  is_float,
  is_number,
  is_map,
  is_function,
} from './internal/terms.js';
export { ErlangError, ExitError, ExitException, ThrownValue } from './internal/errors.js';
export { type Clock, systemClock, setClock } from './internal/clock.js';
export * as io from './internal/ns/io.js';
export * as io_lib from './internal/ns/io_lib.js';
export * as timer from './internal/ns/timer.js';
export * as code from './internal/ns/code.js';
export * as rand from './internal/ns/rand.js';
export * as logger from './internal/ns/logger.js';
