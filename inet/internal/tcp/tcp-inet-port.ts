/**
 * What gen_tcp's two kinds of port share over {@link InetPort}: the TCP lifecycle, the TCP
 * option record's getopts, and the messages a TCP port sends its owner.
 */
import type { List } from 'erlts';
import { InetPort } from '../inet-port.js';
import type { Lifecycle } from '../lifecycle.js';
import type { Einval } from '../option-table.js';
import { tcpLifecycleTable, type TcpEvent, type TcpState } from './lifecycle.js';
import { getopts as readOptions, type TcpOptions } from './options.js';

/**
 * Whether `msg` is one of the messages a TCP port sends its owner (`{tcp, S, Data}`,
 * `{tcp_closed, S}`, ..., and `{S, {data, D}}` with `{deliver, port}`).
 */
export function tcpCarries(msg: readonly unknown[], port: unknown): boolean {
  if (msg[0] === port) return msg.length === 2;
  if (msg[1] !== port) return false;
  switch (msg[0]) {
    case 'tcp':
    case 'http':
    case 'tcp_error':
      return msg.length === 3;
    case 'tcp_closed':
    case 'tcp_passive':
      return msg.length === 2;
    default:
      return false;
  }
}

export abstract class TcpInetPort extends InetPort<TcpOptions, TcpState, TcpEvent> {
  constructor(owner: ConstructorParameters<typeof InetPort>[0], options: TcpOptions) {
    super(owner, options, 'tcp_inet');
  }

  protected lifecycle(): Lifecycle<TcpState, TcpEvent> {
    return tcpLifecycleTable;
  }

  getopts(names: unknown): readonly ['ok', List<[string, unknown]>] | Einval {
    return readOptions(this.currentOptions(), names);
  }

  carries(msg: readonly unknown[]): boolean {
    return tcpCarries(msg, this.port);
  }

  get closedTag(): string {
    return 'tcp_closed';
  }
}
