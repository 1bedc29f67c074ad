/**
 * The distribution transport: what net_kernel stands on. It names this node, registers it with
 * EPMD (serving an EPMD itself when none runs), listens for other nodes, connects to them, runs
 * the handshake both ways and hands each connection up as a {@link DistChannel}. It does not
 * keep the table of connections: whether a peer is already connected or being connected to is
 * the connection manager's (net_kernel's), asked through `decide` and `isPending`.
 *
 *   startTransport ─▶ name ─▶ cookie ─▶ listen ─▶ EPMD (ensure) ─▶ ALIVE2 ─▶ { nodeName, creation }
 *   incoming socket ─▶ Handshake(acceptor) ─decide?─▶ ... ─▶ onConnection({ channel, peer... })
 *   connect(peer) ─▶ PORT_PLEASE2 on the peer's host ─▶ TCP ─▶ Handshake(initiator) ─▶ { channel, peer... }
 *
 * OTP's limits: the setup of a connection (the EPMD lookup and connect, then each handshake
 * step) has `net_setuptime` (7 s by default); a connection then lives by its ticks
 * (`net_ticktime`, 60 s).
 */
import * as net from 'node:net';
import { getClock, log as runtimeLog, type TimerHandle } from '../../runtime/internal/dist-api.js';
import { DistChannel, DEFAULT_TICKTIME, type DownReason } from './channel.js';
import { defaultCookie } from './cookie.js';
import { OUR_FLAGS, OUR_MANDATORY, PUBLISHED } from './dist-flags.js';
import { EpmdRegistration, epmdPortFromEnv, portPlease, registerNode } from './epmd-client.js';
import { EpmdServer, ensureEpmd } from './epmd-server.js';
import {
  Handshake,
  atomText,
  type AcceptStatus,
  type HandshakeEvent,
  type HandshakeFailure,
  type HandshakeResult,
  type PeerHello,
} from './handshake.js';
import { makeNodeName, splitNodeName, type HostSource, type NameMode } from './node-name.js';
import { connectTcp, lookupIPv4, posixOf } from './tcp.js';

export type { AcceptStatus, PeerHello, DownReason };
export { DistChannel };

/** net_kernel's default net_setuptime: 7 s. */
export const DEFAULT_SETUP_TIME = 7000;

/** A connection that passed its handshake. */
export interface Connection {
  /** The framed, ticked connection. */
  readonly channel: DistChannel;
  /** The peer's full node name. */
  readonly peerName: string;
  /** The flags the peer sent (MANDATORY_25_DIGEST expanded). */
  readonly peerFlags: bigint;
  /** The flags in use on this connection: ours & the peer's. */
  readonly flags: bigint;
  /** The peer's creation. */
  readonly peerCreation: number;
  /** A hidden connection (either side hidden): the peer belongs in `nodes(hidden)`. */
  readonly hidden: boolean;
  /** Who connected: `out` when this node did. */
  readonly direction: 'in' | 'out';
}

/** Why a connection could not be set up: an Erlang term, and the line OTP logs, if any. */
export interface ConnectFailure {
  readonly error: unknown;
  readonly log?: string;
}

/** Where and how to listen (the kernel parameters of inet_tcp_dist). */
export interface ListenOptions {
  /**
   * The address to listen on, as `inet_dist_use_interface`: all IPv4 interfaces (`0.0.0.0`,
   * OTP's `{0,0,0,0}`) when left out. `127.0.0.1` keeps the node off the network.
   */
  readonly address?: string;
  /** The port range, as `inet_dist_listen_min` and `inet_dist_listen_max`: the first free port of it. */
  readonly portRange?: readonly [number, number];
}

/** A log line of the transport: OTP's error_logger lines. */
export interface TransportLog {
  readonly level: 'error' | 'warning' | 'info';
  readonly text: string;
}

/** How a node's transport is started. */
export interface TransportOptions {
  /** `a` or `a@host`. */
  readonly name: string;
  /** `shortnames` (`erl -sname`) or `longnames` (`erl -name`). */
  readonly mode: NameMode;
  /** The node's cookie (`-setcookie`); from the cookie file (made if missing) when left out. */
  readonly cookie?: string;
  /** The cookie for one peer (`erlang:set_cookie(Node, Cookie)`); this node's when it returns undefined. */
  readonly cookieFor?: (peerName: string) => string | undefined;
  /** A hidden node (`erl -hidden`): no connection of it is published. */
  readonly hidden?: boolean;
  /** EPMD's port: `ERL_EPMD_PORT`, else 4369. */
  readonly epmdPort?: number;
  /**
   * What to do about EPMD: `ensure` (use the one that runs, else serve one from this process;
   * the default), `client` (use the one that runs, fail without), `none` (register nowhere:
   * peers must know the port, as `-start_epmd false` with `-erl_epmd_port`).
   */
  readonly epmd?: 'ensure' | 'client' | 'none';
  /** This node's creation when it registers nowhere (`epmd: 'none'`); random when left out. */
  readonly creation?: number;
  /** Where to listen. */
  readonly listen?: ListenOptions;
  /** net_setuptime in ms (7 s). */
  readonly setupTime?: number;
  /** net_ticktime in ms (60 s), for the channels made. */
  readonly ticktime?: number;
  /**
   * The connection manager's answer to a peer that connects (net_kernel's accept_pending):
   * `ok`, `ok_simultaneous` (we were connecting to it too and let its attempt win), `nok`
   * (ours wins), `alive` (we have a connection to it already), `not_allowed`. `ok` when left out.
   */
  readonly decide?: (peer: PeerHello) => AcceptStatus | Promise<AcceptStatus>;
  /** The initiator's answer to a peer that says we are connected already: is our attempt it? `false` when left out. */
  readonly isPending?: (peerName: string) => boolean | Promise<boolean>;
  /** Before accepting a peer that replaces a live connection (after `alive`): wait until the old one is gone. */
  readonly waitPending?: (peerName: string) => Promise<void>;
  /** Each connection a peer made that passed its handshake. */
  readonly onConnection: (conn: Connection) => void;
  /** Each handshake that failed, either way. */
  readonly onHandshakeFailed?: (info: {
    direction: 'in' | 'out';
    peerName: string | null;
    failure: ConnectFailure;
  }) => void;
  /**
   * Where OTP's log lines go (wrong cookie, missing flags, lost EPMD): the runtime's logger
   * (error_logger's reports, `=ERROR REPORT====`) when left out.
   */
  readonly log?: (entry: TransportLog) => void;
  /** The flags to advertise (tests); {@link OUR_FLAGS} when left out. */
  readonly flags?: bigint;
  /** The flags to require (tests); {@link OUR_MANDATORY} when left out. */
  readonly mandatory?: bigint;
  /** Where the host name comes from (tests). */
  readonly host?: HostSource;
}

/** Options of {@link Transport.connect}. */
export interface ConnectOptions {
  /** Skip the EPMD lookup: connect to this port (`-erl_epmd_port`, or a test's). */
  readonly port?: number;
  /** Connect to this address instead of the node's host's. */
  readonly address?: string;
}

/** A started transport. */
export interface Transport {
  /** This node's full name (`node()`). */
  readonly nodeName: string;
  /** This node's creation, as EPMD gave it. */
  readonly creation: number;
  /** The port the node listens on. */
  readonly port: number;
  /** Whether this process serves the EPMD (it does when none ran). */
  readonly servesEpmd: boolean;
  /** The cookie the node started with (given, or the cookie file's). */
  readonly cookie: string;
  /**
   * Connects to `peerNode` (net_kernel:connect_node/1 without the bookkeeping).
   * @returns the connection, or `{ error }`: `noport` (EPMD does not know the node, or none
   *   answers), `nxdomain` (its host does not resolve), a connect's POSIX atom, `nok` (the
   *   peer is connecting to us and wins), or a handshake failure as dist_util exits with it
   *   (`['recv_challenge_ack_failed', 'bad_cookie']`, `['recv_status_failed', 'not_allowed']`,
   *   `'setup_timer_timeout'`, ...)
   */
  connect(peerNode: string, options?: ConnectOptions): Promise<Connection | ConnectFailure>;
  /** Stops listening and unregisters; connections made stay up until closed by their owner. */
  close(): Promise<void>;
}

function randomCreation(): number {
  // net_kernel:create_creation/0: anything but 0..3, which meant special things once.
  return 4 + Math.floor(Math.random() * (0xffff_fff0 - 4));
}

/** Runs `fn` and turns an exception into `fallback` (callbacks are the manager's code). */
async function guarded<T>(fn: () => T | Promise<T>, fallback: T): Promise<T> {
  try {
    return await fn();
  } catch {
    return fallback;
  }
}

/** Listens on the first port of the range that is free (inet_tcp_dist's do_listen). */
async function listenOn(o: ListenOptions): Promise<net.Server | { error: string }> {
  const host = o.address ?? '0.0.0.0';
  const [min, max] = o.portRange ?? [0, 0];
  let last = 'eaddrinuse';
  for (let port = min; port <= max; port++) {
    const server = net.createServer({ pauseOnConnect: true });
    const r = await new Promise<string | null>((resolve) => {
      server.once('error', (e) => resolve(posixOf(e)));
      server.listen({ host, port }, () => resolve(null));
    });
    if (r === null) {
      server.removeAllListeners('error');
      server.on('error', () => {
        /* a listening server's later errors end nothing */
      });
      return server;
    }
    server.close();
    last = r;
    if (r !== 'eaddrinuse') break;
  }
  return { error: last };
}

/**
 * Starts this node's distribution transport: makes the node name, finds the cookie, listens,
 * registers with EPMD (starting one when none runs, unless told not to).
 * @returns the transport, or `{ error, log? }`: `badarg` for a bad name (with OTP's info line),
 *   `['cookie', Message]` when no cookie can be had, the listen's POSIX atom,
 *   `duplicate_name` when EPMD already has the name, or EPMD's connect failure
 * @example
 * // {ok, _} = net_kernel:start([a, shortnames])
 * const t = await startTransport({ name: 'a', mode: 'shortnames', onConnection: (c) => up(c) });
 * @see https://www.erlang.org/doc/man/net_kernel.html#start-2
 */
export async function startTransport(o: TransportOptions): Promise<Transport | ConnectFailure> {
  const nodeName = makeNodeName(o.name, o.mode, o.host);
  if (typeof nodeName !== 'string') return { error: nodeName.error, log: nodeName.log };
  let cookie = o.cookie;
  if (cookie === undefined) {
    const found = defaultCookie();
    if ('error' in found) return { error: ['cookie', found.error], log: found.error };
    cookie = found.cookie;
  }
  const server = await listenOn(o.listen ?? {});
  if ('error' in server) return { error: server.error };
  const port = (server.address() as net.AddressInfo).port;
  const epmdPort = o.epmdPort ?? epmdPortFromEnv();
  const epmdMode = o.epmd ?? 'ensure';
  let epmdServer: EpmdServer | null = null;
  let registration: EpmdRegistration | null = null;
  let creation = o.creation ?? randomCreation();
  const shortName = nodeName.slice(0, nodeName.indexOf('@'));
  if (epmdMode !== 'none') {
    if (epmdMode === 'ensure') {
      const e = await ensureEpmd({ port: epmdPort });
      if ('error' in e) {
        server.close();
        return { error: e.error };
      }
      if (e.role === 'server') epmdServer = e.server;
    }
    const r = await registerNode({ name: shortName, port, epmdPort });
    if (!(r instanceof EpmdRegistration)) {
      server.close();
      await epmdServer?.close();
      return { error: r.error };
    }
    registration = r;
    creation = r.creation;
  }
  const t = new NodeTransport(
    o,
    nodeName,
    creation,
    cookie,
    server,
    port,
    registration,
    epmdServer,
    epmdPort,
  );
  return t;
}

class NodeTransport implements Transport {
  readonly #o: TransportOptions;
  readonly #server: net.Server;
  readonly #registration: EpmdRegistration | null;
  #epmdServer: EpmdServer | null;
  readonly #epmdPort: number;
  readonly #flags: bigint;
  readonly #setups = new Set<net.Socket>();
  #closed = false;

  constructor(
    o: TransportOptions,
    readonly nodeName: string,
    readonly creation: number,
    readonly cookie: string,
    server: net.Server,
    readonly port: number,
    registration: EpmdRegistration | null,
    epmdServer: EpmdServer | null,
    epmdPort: number,
  ) {
    this.#o = o;
    this.#server = server;
    this.#registration = registration;
    this.#epmdServer = epmdServer;
    this.#epmdPort = epmdPort;
    this.#flags = (o.flags ?? OUR_FLAGS) | (o.hidden === true ? 0n : PUBLISHED);
    server.on('connection', (sock: net.Socket) => this.#accept(sock));
    registration?.watch(
      () => this.#epmdLost(),
      () => this.#log('info', `** Registered with EPMD again on port ${this.#epmdPort} **`),
    );
  }

  get servesEpmd(): boolean {
    return this.#epmdServer !== null;
  }

  #log(level: TransportLog['level'], text: string): void {
    if (this.#o.log !== undefined) this.#o.log({ level, text });
    else runtimeLog({ level, text: text + '\n', meta: { pid: null, time: new Date() } });
  }

  #cookieFor = (peer: string): string => this.#o.cookieFor?.(peer) ?? this.cookie;

  /** EPMD dropped the registration: start one if none runs (ensure mode), then re-register. */
  #epmdLost(): void {
    if (this.#closed) return;
    this.#log('warning', `** Lost the registration with EPMD on port ${this.#epmdPort}; retrying **`);
    if ((this.#o.epmd ?? 'ensure') !== 'ensure') return;
    void ensureEpmd({ port: this.#epmdPort }).then((e) => {
      if (this.#closed) {
        if ('role' in e && e.role === 'server') void e.server.close();
        return;
      }
      if ('role' in e && e.role === 'server') this.#epmdServer = e.server;
      this.#registration?.retryNow();
    });
  }

  #handshake(role: 'initiator' | 'acceptor', peerNode?: string): Handshake {
    return new Handshake({
      role,
      thisNode: this.nodeName,
      thisFlags: this.#flags,
      thisCreation: this.creation,
      mandatory: this.#o.mandatory ?? OUR_MANDATORY,
      cookieFor: this.#cookieFor,
      ...(peerNode === undefined ? {} : { peerNode }),
    });
  }

  #accept(sock: net.Socket): void {
    if (this.#closed) {
      sock.destroy();
      return;
    }
    const hs = this.#handshake('acceptor');
    void runHandshake(sock, hs, this.#o, this.#o.setupTime ?? DEFAULT_SETUP_TIME, this.#setups).then((r) => {
      if ('error' in r) {
        if (r.log !== undefined) this.#log('error', r.log);
        const failure: ConnectFailure =
          r.log === undefined ? { error: r.error } : { error: r.error, log: r.log };
        this.#o.onHandshakeFailed?.({ direction: 'in', peerName: r.peerName, failure });
        return;
      }
      this.#o.onConnection(this.#connection(sock, r, 'in'));
    });
  }

  #connection(sock: net.Socket, r: HandshakeResult, direction: 'in' | 'out'): Connection {
    const hidden = (r.flags & PUBLISHED) === 0n;
    const channel = new DistChannel(sock, {
      ticktime: this.#o.ticktime ?? DEFAULT_TICKTIME,
      hidden,
      initial: r.rest,
    });
    return {
      channel,
      peerName: r.peerName,
      peerFlags: r.peerFlags,
      flags: r.flags,
      peerCreation: r.peerCreation,
      hidden,
      direction,
    };
  }

  async connect(peerNode: string, options: ConnectOptions = {}): Promise<Connection | ConnectFailure> {
    const split = splitNodeName(peerNode);
    if (split === null) return { error: ['invalid_node', peerNode] };
    if (peerNode === this.nodeName) return { error: ['invalid_node', peerNode] };
    if (this.#closed) return { error: 'not_alive' };
    const [name, host] = split;
    const setupTime = this.#o.setupTime ?? DEFAULT_SETUP_TIME;
    const clock = getClock();
    const started = clock.now();
    let port = options.port;
    if (port === undefined) {
      const found = await portPlease(name, host, { epmdPort: this.#epmdPort, timeout: setupTime });
      if (found === 'noport') return { error: 'noport' };
      if ('error' in found) return { error: found.error };
      if (found.version === 0)
        return { error: ['unsupported_version', found.node.lowestVersion, found.node.highestVersion] };
      port = found.port;
    }
    let address = options.address;
    if (address === undefined) {
      const found = await lookupIPv4(host, Math.max(1, setupTime - (clock.now() - started)));
      if (typeof found !== 'string') return { error: found.error };
      address = found;
    }
    const left = Math.max(1, setupTime - (clock.now() - started));
    const sock = await connectTcp(address, port, left);
    if ('error' in sock) return { error: sock.error };
    const hs = this.#handshake('initiator', peerNode);
    const r = await runHandshake(sock, hs, this.#o, setupTime, this.#setups);
    if ('error' in r) {
      if (r.log !== undefined) this.#log('error', r.log);
      const failure: ConnectFailure =
        r.log === undefined ? { error: r.error } : { error: r.error, log: r.log };
      this.#o.onHandshakeFailed?.({ direction: 'out', peerName: peerNode, failure });
      return failure;
    }
    return this.#connection(sock, r, 'out');
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#registration?.close();
    for (const s of this.#setups) s.destroy();
    this.#setups.clear();
    // Stops listening now; the callback would wait for the connections handed out, which
    // stay up until their owners close them.
    this.#server.close();
    await this.#epmdServer?.close();
  }
}

type HandshakeOutcome = HandshakeResult | { error: unknown; log?: string; peerName: string | null };

/**
 * Drives `hs` over `sock` until it is up or failed: writes what it sends, answers its
 * questions through the manager's callbacks, times each step with the setup time. On
 * failure the socket is ended (after the last status message leaves) and destroyed.
 */
function runHandshake(
  sock: net.Socket,
  hs: Handshake,
  o: TransportOptions,
  setupTime: number,
  setups: Set<net.Socket>,
): Promise<HandshakeOutcome> {
  return new Promise((resolve) => {
    const clock = getClock();
    let timer: TimerHandle = null;
    let done = false;
    let peerName: string | null = null;
    setups.add(sock);
    sock.setNoDelay(true);

    const arm = (): void => {
      if (timer !== null) clock.clearTimer(timer);
      timer = clock.setTimer(setupTime, () => {
        timer = null;
        act(hs.interrupted('setup_timer_timeout'));
      });
    };
    const finish = (r: HandshakeOutcome): void => {
      if (done) return;
      done = true;
      if (timer !== null) clock.clearTimer(timer);
      timer = null;
      setups.delete(sock);
      sock.off('data', onData);
      sock.off('close', onClose);
      sock.off('error', onError);
      resolve(r);
    };
    const fail = (f: HandshakeFailure): void => {
      // Let a last status ('not_allowed', 'nok') leave, then make sure the socket goes.
      if (!sock.destroyed) {
        sock.end();
        const kill = clock.setTimer(1000, () => sock.destroy());
        sock.once('close', () => clock.clearTimer(kill));
        sock.on('error', () => {
          /* ending anyway */
        });
        sock.resume();
      }
      finish(f.log === undefined ? { error: f.reason, peerName } : { error: f.reason, log: f.log, peerName });
    };
    const act = (events: HandshakeEvent[]): void => {
      for (const e of events) {
        if (done) return;
        switch (e.kind) {
          case 'send':
            sock.write(e.bytes);
            break;
          case 'decide':
            peerName = e.peer.name;
            void guarded(() => (o.decide === undefined ? 'ok' : o.decide(e.peer)), 'not_allowed').then(
              (status) => {
                if (!done) act(hs.decide(status));
              },
            );
            break;
          case 'is_pending':
            void guarded(() => (o.isPending === undefined ? false : o.isPending(e.peerName)), false).then(
              (yes) => {
                if (!done) act(hs.answerAlive(yes));
              },
            );
            break;
          case 'wait_pending':
            void guarded(
              () => (o.waitPending === undefined ? undefined : o.waitPending(e.peerName)),
              undefined,
            ).then(() => {
              if (!done) act(hs.pendingDone());
            });
            break;
          case 'up':
            sock.pause();
            finish(e.result);
            return;
          case 'failed':
            fail(e.failure);
            return;
        }
      }
    };
    const onData = (chunk: Buffer): void => {
      arm();
      act(hs.receive(chunk));
    };
    const onClose = (): void => act(hs.interrupted('closed'));
    const onError = (): void => {
      /* 'close' follows */
    };
    sock.on('data', onData);
    sock.on('close', onClose);
    sock.on('error', onError);
    arm();
    act(hs.start());
    sock.resume();
  });
}

/**
 * OTP's rule for two nodes connecting to each other at once (net_kernel's accept_pending):
 * the node with the greater name keeps its own attempt. The acceptor answers `nok` when its
 * name is greater (its outgoing attempt goes on) and `ok_simultaneous` when it is not (it
 * drops its attempt and accepts the peer's).
 * @example
 * // MyNode > Node -> nok_pending;  true -> ok_pending
 * simultaneousConnect('b@h', 'a@h'); // 'nok'
 */
export function simultaneousConnect(thisNode: string, peerNode: string): 'nok' | 'ok_simultaneous' {
  return thisNode > peerNode ? 'nok' : 'ok_simultaneous';
}

/** A node name as OTP prints it in a log line (`~w`). */
export function nodeText(node: string): string {
  return atomText(node);
}
