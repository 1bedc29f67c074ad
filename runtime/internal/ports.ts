/**
 * The port table: every open port, as erlang:ports/0 lists it and erlang:port_info/2 reads it.
 * The runtime opens no port itself; a driver (inet's gen_tcp ports) enters a port when it opens
 * and takes it out when it closes, as the drivers of ERTS fill its port table. The entry is the
 * driver's own object, read when asked, so a port handed to another process answers with its
 * new owner without the driver telling the table.
 */
import { badarg, describe } from './errors.js';
import type { ProcessHandle } from './process.js';
import { List, Port, toList, type Pid } from './terms.js';

/** What the table needs of a driver's port: the term, and the process it is connected to. */
export interface DriverPort {
  readonly port: Port;
  /** The controlling process, read at each port_info/2. */
  readonly owner: ProcessHandle;
}

/** The open ports by term, oldest first, with the name of the driver that opened each. */
const table = new Map<Port, { readonly entry: DriverPort; readonly name: string }>();

/**
 * Enters an open port in the table.
 * @param entry - the driver's port
 * @param name - the driver's name, as port_info/2's `name` gives it (`"tcp_inet"` for gen_tcp)
 */
export function enterPort(entry: DriverPort, name: string): void {
  table.set(entry.port, { entry, name });
}

/** Takes a closed port out of the table; a port not in it is ignored. */
export function leavePort(port: Port): void {
  table.delete(port);
}

/**
 * The open ports, as erlang:ports/0: in erlts, the gen_tcp sockets (listening and connected)
 * that are not closed yet.
 * @returns a list of ports, oldest first
 * @example
 * // Mine = [P || P <- erlang:ports(), erlang:port_info(P, connected) =:= {connected, self()}]
 * const Mine = ports().filter((P) => {
 *   const Info = port_info(P, 'connected');
 *   return Info !== 'undefined' && Info[1] === self();
 * });
 * @see https://www.erlang.org/doc/man/erlang.html#ports-0
 */
export function ports(): List<Port> {
  return toList([...table.keys()]);
}

/** The items port_info/2 knows. */
const portInfoItems = ['connected', 'id', 'name'] as const;
/** An item of {@link port_info}. */
export type PortInfoItem = (typeof portInfoItems)[number];

/**
 * Information about an open port, as erlang:port_info/2: `connected` is the controlling process,
 * `id` the port's number, `name` the driver's name as a string (a list of codes).
 * @param port - a port
 * @param item - `connected`, `id` or `name`
 * @returns `{Item, Value}`, or `undefined` for a closed port
 * @throws ErlangError `badarg` for a term that is no port, or an item erlts does not know
 * @example
 * // {connected, Owner} = erlang:port_info(Sock, connected)
 * const [, Owner] = port_info(Sock, 'connected');
 * @see https://www.erlang.org/doc/man/erlang.html#port_info-2
 */
export function port_info(port: Port, item: 'connected'): readonly ['connected', Pid] | 'undefined';
export function port_info(port: Port, item: 'id'): readonly ['id', number] | 'undefined';
export function port_info(port: Port, item: 'name'): readonly ['name', List<number>] | 'undefined';
export function port_info(port: Port, item: PortInfoItem): readonly [PortInfoItem, unknown] | 'undefined';
export function port_info(port: unknown, item: unknown): readonly [PortInfoItem, unknown] | 'undefined' {
  const fn = 'erlang:port_info/2';
  if (!(port instanceof Port)) badarg(fn, `expected a port, got ${describe(port)}`);
  const open = table.get(port);
  // OTP answers undefined for a closed port before it looks at the item.
  if (open === undefined) return 'undefined';
  switch (item) {
    case 'connected':
      return ['connected', open.entry.owner.pid];
    case 'id':
      return ['id', port.serial];
    case 'name':
      return ['name', toList([...Buffer.from(open.name, 'latin1')])];
    default:
      return badarg(fn, `unknown item ${describe(item)}; erlts knows ${portInfoItems.join(', ')}`);
  }
}
