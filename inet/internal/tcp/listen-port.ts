/**
 * A listening gen_tcp port: a {@link NetListener} (inet/internal/node/net-listener.ts: the
 * server, its accept queue, acceptors that time out or die) under the port's term, owner and
 * options. Each accepted connection becomes a {@link TcpPort} owned by its acceptor, with the
 * listen socket's options (as OTP's accept copies them).
 */
import type * as net from 'node:net';
import { List } from 'erlts';
import type { ProcessHandle } from '../../../runtime/internal/driver-api.js';
import { NetListener, type AcceptResult } from '../node/net-listener.js';
import type { Endpoint, InetRow } from '../inet-port.js';
import { TcpInetPort } from './tcp-inet-port.js';
import { inheritOptions, setopts as applySetopts, type Einval, type TcpOptions } from './options.js';
import { TcpPort } from './tcp-port.js';

export type { AcceptResult };

export class ListenPort extends TcpInetPort {
  readonly listener: NetListener<TcpInetPort['port']>;
  /** A local (AF_UNIX) listener's path. */
  readonly path: string | null;
  /** Opened with `{active, N}`, N <= 0: each accepted socket tells its owner `tcp_passive`. */
  readonly passiveAtOpen: boolean;

  constructor(
    owner: ProcessHandle,
    options: TcpOptions,
    server: net.Server,
    path: string | null,
    passiveAtOpen: boolean,
  ) {
    super(owner, options);
    this.path = path;
    this.passiveAtOpen = passiveAtOpen;
    this.listener = new NetListener(server, (acceptor, sock) => this.#adopt(acceptor, sock));
    this.go('LISTEN');
  }

  #adopt(owner: ProcessHandle, sock: net.Socket): TcpInetPort['port'] {
    const tcp = new TcpPort(owner, this.#inheritable(), sock, 'accept');
    if (this.path !== null) tcp.local = { path: Buffer.from(this.path), via: 'accept' };
    if (this.passiveAtOpen && tcp.active === false) tcp.tell(['tcp_passive', tcp.port]);
    return tcp.port;
  }

  /** The options accepted sockets start with: one record shared by all, until setopts here. */
  #inheritable(): TcpOptions {
    if (this.#inheritedFrom !== this.options) {
      this.#inherited = inheritOptions(this.options);
      this.#inheritedFrom = this.options;
    }
    return this.#inherited as TcpOptions;
  }
  #inherited: TcpOptions | null = null;
  #inheritedFrom: TcpOptions | null = null;

  /**
   * `gen_tcp:accept/2` on this port.
   * @param proc - the caller, who becomes the new socket's owner
   * @param timeout - milliseconds or `'infinity'`
   */
  accept(
    proc: ProcessHandle,
    timeout: number | 'infinity',
  ): Promise<AcceptResult<TcpInetPort['port']>> | AcceptResult<TcpInetPort['port']> {
    return this.listener.accept(proc, timeout);
  }

  protected release(): void {
    this.listener.close();
  }

  get pending(): number {
    return 0;
  }

  states(): List<string> {
    return this.gone ? new List('closed') : new List('listen', 'open');
  }

  sockname(): Endpoint | null {
    if (this.gone) return null;
    if (this.path !== null) return ['local', Buffer.from(this.path)];
    return this.listener.address();
  }

  peername(): null {
    return null;
  }

  setopts(opts: unknown): 'ok' | Einval {
    const r = applySetopts(this.options, opts);
    this.options = r.options;
    // A listen socket keeps {active, N} for its accepted sockets, and tells tcp_passive too.
    if (r.passive) this.tell(['tcp_passive', this.port]);
    return r.reply;
  }

  iRow(): InetRow {
    return { module: 'inet_tcp', state: 'LN:O', type: 'STREAM' };
  }
}
