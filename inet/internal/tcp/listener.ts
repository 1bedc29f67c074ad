/**
 * A listening gen_tcp port over a `net.Server`, and its accept queue.
 *
 * The server runs with `pauseOnConnect`: a connection Node accepts waits, unread, in
 * `#backlog` until some process calls `accept`; its bytes stay in the kernel. Acceptors
 * wait in `acceptors`, oldest first; each has its own timeout, and one that dies leaves the
 * queue at once (waiter.ts), so a killed acceptor is skipped. Closing the listen port fails
 * every acceptor with `{error, closed}` and drops the connections nobody took.
 */
import type * as net from 'node:net';
import { List } from 'erlts';
import { Waiter, settleAll, settleFor, type ProcessHandle } from '../../../runtime/internal/driver-api.js';
import { InetPort, type Endpoint } from './inet-port.js';
import { inheritOptions, type TcpOptions } from './options.js';
import { TcpPort, endpoint } from './stream.js';

export type AcceptResult = readonly ['ok', unknown] | readonly ['error', string];

export class ListenPort extends InetPort {
  readonly server: net.Server;
  readonly acceptors: Waiter<AcceptResult>[] = [];
  readonly #backlog: net.Socket[] = [];
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
    this.server = server;
    this.path = path;
    this.passiveAtOpen = passiveAtOpen;
    this.go('LISTEN');
    server.on('connection', (sock: net.Socket) => this.#onConnection(sock));
    server.on('error', ignore);
  }

  #onConnection(sock: net.Socket): void {
    sock.on('error', ignore); // a queued connection reset by its peer is found out by reading
    const w = this.acceptors[0];
    if (w === undefined) this.#backlog.push(sock);
    else w.settle(['ok', this.#adopt(w.proc, sock)]);
  }

  #adopt(owner: ProcessHandle, sock: net.Socket): unknown {
    sock.removeListener('error', ignore);
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
  accept(proc: ProcessHandle, timeout: number | 'infinity'): Promise<AcceptResult> | AcceptResult {
    const sock = this.acceptors.length === 0 ? this.#backlog.shift() : undefined;
    if (sock !== undefined) return ['ok', this.#adopt(proc, sock)];
    if (timeout === 0) return ['error', 'timeout'];
    return new Waiter<AcceptResult>(proc, this.acceptors).timeout(timeout, () => ['error', 'timeout'])
      .promise;
  }

  /**
   * Sets the kernel's accept queue length of this listening socket (the socket module's
   * listen/2, on a socket its bind already listened): Linux takes a second listen(2) as a new
   * backlog, and libuv lets a listening handle listen again.
   * @param backlog - the queue length, a 32-bit integer
   * @returns whether the kernel took it
   */
  setBacklog(backlog: number): boolean {
    const handle = (this.server as unknown as { _handle?: { listen?: (n: number) => number } })._handle;
    return typeof handle?.listen === 'function' && handle.listen(backlog) === 0;
  }

  /**
   * Ends `proc`'s pending accept with `result` (the socket module's cancel and abort).
   * @returns whether there was one
   */
  cancelAccept(proc: ProcessHandle, result: AcceptResult): boolean {
    return settleFor(this.acceptors, proc, result);
  }

  protected release(): void {
    settleAll(this.acceptors, ['error', 'closed']);
    for (const sock of this.#backlog.splice(0)) sock.destroy();
    this.server.close();
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
    const a = this.server.address();
    return a === null || typeof a === 'string' ? null : endpoint(a.address, a.port);
  }

  peername(): null {
    return null;
  }
}

function ignore(): void {}
