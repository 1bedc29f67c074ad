/**
 * An EPMD in TypeScript, for hosts without Erlang installed (as the Go library ergo serves
 * its own): the requests and answers of erts/epmd/src/epmd_srv.c, so `erl -sname x` registers
 * with it and `epmd -names`, `net_adm:names()` and other nodes find what it holds.
 *
 * What it keeps, as epmd_srv.c:
 * - Registered nodes, newest first (NAMES lists them in that order). A registration lives as
 *   long as the connection that made it: the connection closing, failing, or carrying any more
 *   bytes unregisters the node.
 * - Unregistered names (up to 1000, oldest dropped), so a name that comes back gets the next
 *   creation: a new name starts from the time in seconds, and each registration of a known
 *   name adds one (never below 4). A node of version 6 gets that 32-bit counter; an older one
 *   the counter mod 3, plus 1.
 * - ALIVE2, DUMP and KILL only from a local peer (a loopback address, or the address the
 *   connection came in on); PORT_PLEASE2 and NAMES from anyone.
 * - A connection that does not register is closed after answering, or after 60 s without a
 *   complete request (CLOSE_TIMEOUT).
 *
 *   client ─ALIVE2_REQ─▶ register ─ALIVE2_X_RESP─▶ keep the connection (the registration)
 *          ─PORT_PLEASE2_REQ─▶ PORT2_RESP, close
 *          ─NAMES_REQ─▶ port, "name N at port P\n"..., close
 */
import * as net from 'node:net';
import { getClock, type TimerHandle } from '../../runtime/internal/dist-api.js';
import {
  DIST_VERSION,
  decodeRequest,
  encodeAlive2Resp,
  encodeNamesHead,
  encodeNamesLine,
  encodePort2Resp,
  takeRequest,
  type NodeRegistration,
} from './epmd-protocol.js';
import { connectTcp, posixOf } from './tcp.js';

/** epmd_int.h's CLOSE_TIMEOUT: an idle connection that did not register is closed (s). */
const CLOSE_TIMEOUT_MS = 60_000;
/** epmd_int.h's MAX_UNREG_COUNT: how many unregistered names keep their creation counter. */
const MAX_UNREG_COUNT = 1000;

interface NodeEntry {
  reg: NodeRegistration;
  /** epmd_srv.c's cr_counter. */
  counter: number;
  /** The connection that holds the registration (null once unregistered). */
  conn: Connection | null;
}

interface Connection {
  readonly sock: net.Socket;
  readonly id: number;
  readonly local: boolean;
  /** Bytes of an incomplete request. */
  data: Buffer;
  /** The request was an ALIVE2: the connection now is the registration. */
  keep: boolean;
  timer: TimerHandle;
}

/** A creation as epmd_srv.c's get_creation gives it to a node of `highestVersion`. */
function creationFor(entry: NodeEntry): number {
  return entry.reg.highestVersion >= DIST_VERSION ? entry.counter >>> 0 : (entry.counter % 3) + 1;
}

/** epmd_srv.c's bump_creation. */
function bump(counter: number): number {
  const next = (counter + 1) >>> 0;
  return next < 4 ? 4 : next;
}

function isLocalPeer(sock: net.Socket): boolean {
  const remote = sock.remoteAddress ?? '';
  const v4 = remote.startsWith('::ffff:') ? remote.slice(7) : remote;
  if (/^127\./.test(v4) || v4 === '::1') return true;
  const local = sock.localAddress ?? '';
  return remote !== '' && remote === local;
}

/** Options of {@link EpmdServer.listen}. */
export interface EpmdServerOptions {
  /** The port to serve (4369 for the real thing; 0 picks a free one). */
  readonly port: number;
  /**
   * The address to listen on; all interfaces when left out, as epmd (which binds INADDR_ANY
   * unless ERL_EPMD_ADDRESS says otherwise).
   */
  readonly address?: string;
}

/**
 * An EPMD served from this process. `listen` starts it; `close` stops it, which ends every
 * registration it holds (the nodes see their EPMD connection close, as when epmd dies).
 */
export class EpmdServer {
  readonly #server: net.Server;
  readonly #conns = new Set<Connection>();
  /** Registered names, newest first. */
  #registered: NodeEntry[] = [];
  /** Unregistered names, oldest first. */
  #unregistered: NodeEntry[] = [];
  #nextId = 1;
  #port = 0;
  #closed = false;
  #onKilled: (() => void) | null = null;

  private constructor() {
    this.#server = net.createServer((sock) => this.#accept(sock));
  }

  /**
   * Starts an EPMD on `o.port`.
   * @returns the server, or the listen's POSIX atom (`eaddrinuse` when an EPMD already serves
   *   the port)
   * @example
   * // $ epmd -port 4370 -daemon
   * const epmd = await EpmdServer.listen({ port: 4370 });
   */
  static listen(o: EpmdServerOptions): Promise<EpmdServer | { error: string }> {
    const s = new EpmdServer();
    return new Promise((resolve) => {
      const onError = (err: Error): void => {
        s.#server.close();
        resolve({ error: posixOf(err) });
      };
      s.#server.once('error', onError);
      s.#server.listen({ port: o.port, ...(o.address === undefined ? {} : { host: o.address }) }, () => {
        s.#server.off('error', onError);
        s.#server.on('error', () => {
          /* a listening server's later errors end nothing here */
        });
        s.#port = (s.#server.address() as net.AddressInfo).port;
        resolve(s);
      });
    });
  }

  /** The port it serves. */
  get port(): number {
    return this.#port;
  }

  /** What `epmd -names` would list: `[name, port]`, newest first. */
  names(): [string, number][] {
    return this.#registered.map((e) => [e.reg.name, e.reg.port]);
  }

  /** Calls `f` when a local KILL_REQ stopped the server (`epmd -kill` with no node registered). */
  onKilled(f: () => void): void {
    this.#onKilled = f;
  }

  /** Stops serving: closes the listener and every connection, which unregisters every node. */
  close(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    this.#closed = true;
    for (const c of [...this.#conns]) this.#drop(c);
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  #accept(sock: net.Socket): void {
    if (this.#closed) {
      sock.destroy();
      return;
    }
    const c: Connection = {
      sock,
      id: this.#nextId++,
      local: isLocalPeer(sock),
      data: Buffer.alloc(0),
      keep: false,
      timer: null,
    };
    this.#conns.add(c);
    sock.setNoDelay(true);
    this.#arm(c);
    sock.on('data', (chunk: Buffer) => this.#read(c, chunk));
    sock.on('close', () => this.#drop(c));
    sock.on('error', () => {
      /* 'close' follows */
    });
  }

  #arm(c: Connection): void {
    const clock = getClock();
    if (c.timer !== null) clock.clearTimer(c.timer);
    c.timer = clock.setTimer(CLOSE_TIMEOUT_MS, () => {
      c.timer = null;
      this.#drop(c);
    });
  }

  #drop(c: Connection): void {
    if (!this.#conns.delete(c)) return;
    if (c.timer !== null) getClock().clearTimer(c.timer);
    c.timer = null;
    this.#unregisterConn(c);
    c.sock.destroy();
  }

  #read(c: Connection, chunk: Buffer): void {
    if (c.keep) {
      // "got more than expected on ALIVE socket": the registration ends.
      this.#drop(c);
      return;
    }
    c.data = c.data.length === 0 ? chunk : Buffer.concat([c.data, chunk]);
    const body = takeRequest(c.data);
    if (body === null) {
      this.#arm(c);
      return;
    }
    if (body === 'bad') {
      this.#drop(c);
      return;
    }
    c.data = Buffer.alloc(0);
    this.#request(c, body);
  }

  #request(c: Connection, body: Buffer): void {
    const req = decodeRequest(body);
    switch (req.kind) {
      case 'alive2': {
        if (!c.local) return this.#drop(c);
        const entry = this.#register(req.node, c);
        const reply =
          entry === null
            ? encodeAlive2Resp(req.node.highestVersion, 1, 99)
            : encodeAlive2Resp(req.node.highestVersion, 0, creationFor(entry));
        c.keep = true;
        if (c.timer !== null) getClock().clearTimer(c.timer);
        c.timer = null;
        c.sock.write(reply);
        return;
      }
      case 'port_please2': {
        const entry = this.#registered.find((e) => e.reg.name === req.name) ?? null;
        return this.#answer(c, [encodePort2Resp(entry === null ? null : entry.reg)]);
      }
      case 'names':
        return this.#answer(c, [
          encodeNamesHead(this.#port),
          ...this.#registered.map((e) => encodeNamesLine(e.reg.name, e.reg.port)),
        ]);
      case 'dump':
        if (!c.local) return this.#drop(c);
        return this.#answer(c, [
          encodeNamesHead(this.#port),
          ...this.#registered.map((e) =>
            Buffer.from(
              `active name     <${e.reg.name}> at port ${e.reg.port}, fd = ${e.conn?.id ?? -1}\n\0`,
            ),
          ),
          ...this.#unregistered.map((e) =>
            Buffer.from(`old/unused name <${e.reg.name}>, port = ${e.reg.port}, fd = -1 \n\0`),
          ),
        ]);
      case 'kill':
        if (!c.local) return this.#drop(c);
        if (this.#registered.length > 0) return this.#answer(c, [Buffer.from('NO')]);
        this.#answer(c, [Buffer.from('OK')]);
        void this.close().then(() => this.#onKilled?.());
        return;
      case 'stop':
      case 'garbage':
        // STOP_REQ needs epmd's -relaxed_command_check, which this server does not offer.
        return this.#drop(c);
    }
  }

  /** Writes the answer and closes, as epmd does for every request but ALIVE2. */
  #answer(c: Connection, parts: Buffer[]): void {
    if (c.timer !== null) getClock().clearTimer(c.timer);
    c.timer = null;
    c.sock.end(Buffer.concat(parts));
  }

  /** epmd_srv.c's node_reg2: a taken name fails (null); a known one gets the next creation. */
  #register(reg: NodeRegistration, conn: Connection): NodeEntry | null {
    if (this.#registered.some((e) => e.reg.name === reg.name)) return null;
    const i = this.#unregistered.findIndex((e) => e.reg.name === reg.name);
    let entry: NodeEntry;
    if (i >= 0) {
      entry = this.#unregistered[i] as NodeEntry;
      this.#unregistered.splice(i, 1);
      entry.counter = bump(entry.counter);
    } else {
      if (this.#unregistered.length > MAX_UNREG_COUNT) this.#unregistered.shift();
      entry = { reg, counter: bump(Math.floor(Date.now() / 1000)), conn: null };
    }
    entry.reg = reg;
    entry.conn = conn;
    this.#registered.unshift(entry);
    return entry;
  }

  #unregisterConn(c: Connection): void {
    const i = this.#registered.findIndex((e) => e.conn === c);
    if (i < 0) return;
    const entry = this.#registered[i] as NodeEntry;
    this.#registered.splice(i, 1);
    entry.conn = null;
    this.#unregistered.push(entry);
  }
}

/** What {@link ensureEpmd} found or made. */
export type EnsuredEpmd =
  | { readonly role: 'client' }
  | { readonly role: 'server'; readonly server: EpmdServer }
  | { readonly error: string };

/**
 * Makes sure an EPMD answers on `port` of this host: when one does, nothing more (`client`);
 * when none does, serves one from this process (`server`, which the caller closes when done);
 * when that listen loses a race with another process starting one, uses that one.
 * @param o.port - the EPMD port (4369, or ERL_EPMD_PORT's)
 * @param o.address - where a served EPMD listens (all interfaces by default)
 * @returns the role this process took, or `{ error }` with the POSIX atom when neither works
 * @example
 * // os:cmd("epmd -daemon")  % what erl does at boot when no EPMD runs
 * const epmd = await ensureEpmd({ port: 4369 });
 */
export async function ensureEpmd(o: {
  port: number;
  address?: string;
  timeout?: number;
}): Promise<EnsuredEpmd> {
  let last = 'econnrefused';
  for (let attempt = 0; attempt < 5; attempt++) {
    const probe = await connectTcp('127.0.0.1', o.port, o.timeout ?? 2000, 4);
    if (!('error' in probe)) {
      probe.destroy();
      return { role: 'client' };
    }
    if (probe.error !== 'econnrefused') return { error: probe.error };
    const served = await EpmdServer.listen({
      port: o.port,
      ...(o.address === undefined ? {} : { address: o.address }),
    });
    if (served instanceof EpmdServer) return { role: 'server', server: served };
    last = served.error;
    if (served.error !== 'eaddrinuse') return { error: served.error };
  }
  return { error: last };
}
