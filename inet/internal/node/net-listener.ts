/**
 * A listening `net.Server` and its accept queue: the thin adapter under gen_tcp's listen port
 * and the socket module's listening socket.
 *
 * The server runs with `pauseOnConnect`: a connection the kernel hands Node waits, unread, in
 * the backlog until some process accepts it; its bytes stay in the kernel. Acceptors wait in a
 * queue, oldest first; each has its own timeout, and one that dies leaves the queue at once (a
 * killed acceptor is skipped). A connection is wrapped for its acceptor (`adopt`) the moment it
 * is handed over, so it is owned from then on and closes if the acceptor dies before it runs.
 * Closing fails every acceptor with `{error, closed}` and drops the connections nobody took.
 */
import * as net from 'node:net';
import {
  Waiter,
  gated,
  ioGate,
  settleAll,
  settleFor,
  type ProcessHandle,
} from '../../../runtime/internal/driver-api.js';
import { posixFromNodeError, type NodeFailure } from '../posix.js';
import { endpointOf, type IpEndpoint } from '../address.js';

/**
 * An accept's result: the wrapped connection, or why there is none (`X`: the reasons a user
 * of the listener ends a wait with, as the socket module's `cancelled`).
 */
export type AcceptResult<T, X extends string = never> =
  readonly ['ok', T] | readonly ['error', NodeFailure | X];

/** Where to listen: an address and port, or a local path. */
export type ListenTarget =
  | {
      readonly host: string | undefined;
      readonly port: number;
      readonly ipv6Only: boolean;
      readonly backlog: number;
    }
  | { readonly path: string; readonly backlog: number };

/**
 * Listens with `target`.
 * @returns the listening server, or the POSIX error (`eaddrinuse`, `eacces`, ...)
 */
export async function listenOn(
  target: ListenTarget,
): Promise<readonly ['ok', net.Server] | readonly ['error', NodeFailure]> {
  const server = net.createServer({ pauseOnConnect: true, allowHalfOpen: true });
  const failure = await new Promise<NodeFailure | null>((resolve) => {
    server.once('error', (err) => resolve(posixFromNodeError(err)));
    const listening = (): void => resolve(null);
    if ('path' in target)
      server.listen({ path: target.path, backlog: target.backlog, exclusive: true }, listening);
    else {
      const { host, port, ipv6Only, backlog } = target;
      server.listen({ host, port, ipv6Only, backlog, exclusive: true }, listening);
    }
  });
  return failure === null ? ['ok', server] : ['error', failure];
}

export class NetListener<T, X extends string = never> {
  readonly server: net.Server;
  readonly #acceptors: Waiter<AcceptResult<T, X>>[] = [];
  readonly #backlog: net.Socket[] = [];
  readonly #adopt: (owner: ProcessHandle, sock: net.Socket) => T;

  /**
   * @param server - a listening server made with `pauseOnConnect`
   * @param adopt - wraps an accepted Node socket for the process that accepts it
   */
  constructor(server: net.Server, adopt: (owner: ProcessHandle, sock: net.Socket) => T) {
    this.server = server;
    this.#adopt = adopt;
    const gate = ioGate();
    server.on('connection', (sock: net.Socket) => gated(gate, () => this.#onConnection(sock)));
    server.on('error', ignore);
  }

  #onConnection(sock: net.Socket): void {
    sock.on('error', ignore); // a queued connection reset by its peer is found out by reading
    const w = this.#acceptors[0];
    if (w === undefined) this.#backlog.push(sock);
    else w.settle(['ok', this.#take(w.proc, sock)]);
  }

  #take(owner: ProcessHandle, sock: net.Socket): T {
    sock.removeListener('error', ignore);
    return this.#adopt(owner, sock);
  }

  /** Callers waiting in accept. */
  get acceptors(): number {
    return this.#acceptors.length;
  }

  /**
   * Takes the oldest connection, waiting for one up to `timeout`.
   * @param proc - the caller, who owns what it accepts
   * @param timeout - milliseconds or `'infinity'`; 0 answers at once
   * @returns the result now, or a promise of it
   */
  accept(
    proc: ProcessHandle,
    timeout: number | 'infinity',
  ): Promise<AcceptResult<T, X>> | AcceptResult<T, X> {
    const sock = this.#acceptors.length === 0 ? this.#backlog.shift() : undefined;
    if (sock !== undefined) return ['ok', this.#take(proc, sock)];
    if (timeout === 0) return ['error', 'timeout'];
    return new Waiter<AcceptResult<T, X>>(proc, this.#acceptors).timeout(timeout, () => ['error', 'timeout'])
      .promise;
  }

  /**
   * Ends `proc`'s pending accept with `result` (a cancelled call).
   * @returns whether there was one
   */
  cancel(proc: ProcessHandle, result: AcceptResult<T, X>): boolean {
    return settleFor(this.#acceptors, proc, result);
  }

  /**
   * Sets the kernel's accept queue length, as listen(2) called again on a listening socket does
   * on Linux (libuv's listen does exactly that on an open handle).
   */
  setBacklog(backlog: number): void {
    const handle = (this.server as unknown as { _handle?: { listen?: (n: number) => number } })._handle;
    handle?.listen?.(backlog);
  }

  /** Closes the server: acceptors get `{error, closed}`, queued connections are dropped. */
  close(): void {
    settleAll(this.#acceptors, ['error', 'closed']);
    for (const sock of this.#backlog.splice(0)) sock.destroy();
    this.server.close();
  }

  /** The address listened on, or null (a local path has none: its owner knows the path). */
  address(): IpEndpoint | null {
    const a = this.server.address();
    return a === null || typeof a === 'string' ? null : endpointOf(a.address, a.port);
  }
}

function ignore(): void {}
