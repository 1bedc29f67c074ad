/**
 * The EPMD client, as kernel's erl_epmd: registering this node (ALIVE2) over a connection that
 * lives as long as the registration, asking another host's EPMD for a node's port
 * (PORT_PLEASE2), and listing a host's names (NAMES). The bytes are epmd-protocol.ts's; this is
 * the node:net adapter around them.
 *
 * Where it connects, as erl_epmd does: registration always to the local EPMD on 127.0.0.1
 * (do_register_node/3 opens `{127,0,0,1}`), lookups to the EPMD of the node's host (the first
 * IPv4 address the host name resolves to), on the port `ERL_EPMD_PORT` names or else 4369.
 *
 * A registration whose connection EPMD closes (EPMD stopped) is retried every 2 s until it
 * succeeds again, the new creation ignored (erl_epmd's `reconnect`, RECONNECT_TIME 2000).
 */
import type * as net from 'node:net';
import { getClock, type TimerHandle } from '../../runtime/internal/dist-api.js';
import {
  DIST_VERSION,
  EPMD_DEFAULT_PORT,
  EpmdProtocolError,
  NODE_TYPE_NORMAL,
  PROTOCOL_TCP,
  decodeAlive2Resp,
  decodeNamesResp,
  decodePort2Resp,
  encodeAlive2Req,
  encodeNamesReq,
  encodePortPlease2Req,
  type NodePort,
} from './epmd-protocol.js';
import { connectTcp, lookupIPv4 } from './tcp.js';

/** How long an EPMD may take to answer (erl_epmd waits 10 s for each reply). */
export const EPMD_REPLY_TIMEOUT = 10_000;
/** erl_epmd's RECONNECT_TIME: how often a lost registration is retried. */
export const RECONNECT_TIME = 2000;

/**
 * The port EPMD listens on: `ERL_EPMD_PORT` from the environment, else 4369 (as erlexec turns
 * ERL_EPMD_PORT into `-epmd_port`, which erl_epmd:get_epmd_port/0 reads).
 * @param env - the environment to read (process.env by default)
 * @example
 * // $ ERL_EPMD_PORT=4370 erl -sname a      % erl_epmd:get_epmd_port() =:= 4370
 * epmdPortFromEnv({ ERL_EPMD_PORT: '4370' }); // 4370
 */
export function epmdPortFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.ERL_EPMD_PORT;
  if (text === undefined || !/^\d+$/.test(text.trim())) return EPMD_DEFAULT_PORT;
  const port = Number(text.trim());
  return port > 0 && port < 65536 ? port : EPMD_DEFAULT_PORT;
}

/** Reads from `sock` until `decode` has an answer, the socket closes, or the time is up. */
function readAnswer<T>(
  sock: net.Socket,
  decode: (data: Buffer) => T | null,
  timeoutMs: number,
  untilClose = false,
): Promise<{ answer: T } | { error: unknown }> {
  return new Promise((resolve) => {
    const clock = getClock();
    let data: Buffer = Buffer.alloc(0);
    let settled = false;
    const finish = (r: { answer: T } | { error: unknown }): void => {
      if (settled) return;
      settled = true;
      clock.clearTimer(timer);
      sock.off('data', onData);
      sock.off('close', onClose);
      sock.off('error', onError);
      resolve(r);
    };
    const attempt = (final: boolean): void => {
      try {
        const answer = decode(data);
        if (answer !== null) finish({ answer });
        else if (final) finish({ error: 'closed' });
      } catch (e) {
        finish({ error: e instanceof EpmdProtocolError ? e.reason : 'einval' });
      }
    };
    const onData = (chunk: Buffer): void => {
      data = data.length === 0 ? chunk : Buffer.concat([data, chunk]);
      if (!untilClose) attempt(false);
    };
    const onClose = (): void => attempt(true);
    const onError = (): void => {
      /* 'close' follows */
    };
    const timer = clock.setTimer(timeoutMs, () => finish({ error: 'timeout' }));
    sock.on('data', onData);
    sock.on('close', onClose);
    sock.on('error', onError);
  });
}

/** What {@link registerNode} needs. */
export interface RegisterOptions {
  /** The node name before `@`. */
  readonly name: string;
  /** The distribution listener's port. */
  readonly port: number;
  /** EPMD's port; from `ERL_EPMD_PORT` or 4369 when left out. */
  readonly epmdPort?: number;
  /** How long EPMD may take to answer, in ms (10 s). */
  readonly timeout?: number;
}

/**
 * A live registration with the local EPMD. Closing it unregisters the node (EPMD sees its
 * connection close); EPMD going away makes it retry every {@link RECONNECT_TIME} ms.
 */
export class EpmdRegistration {
  readonly #options: RegisterOptions;
  #sock: net.Socket | null;
  #retry: TimerHandle = null;
  #closed = false;
  #onLost: (() => void) | null = null;
  #onRestored: ((creation: number) => void) | null = null;

  /** @internal made by {@link registerNode} */
  constructor(
    options: RegisterOptions,
    sock: net.Socket,
    /** The creation EPMD handed out (the first registration's; later ones are ignored). */
    readonly creation: number,
  ) {
    this.#options = options;
    this.#sock = null;
    this.#adopt(sock);
  }

  /** Whether the node is registered right now. */
  get registered(): boolean {
    return this.#sock !== null;
  }

  /**
   * Calls `lost` when EPMD drops the registration and `restored` when a retry registered the
   * node again (with the creation that EPMD gave then, which the node does not adopt).
   */
  watch(lost: () => void, restored: (creation: number) => void): void {
    this.#onLost = lost;
    this.#onRestored = restored;
  }

  #adopt(sock: net.Socket): void {
    this.#sock = sock;
    sock.setNoDelay(true);
    // EPMD says nothing more on a registration: any byte, the end or an error ends it (and
    // epmd_srv.c unregisters a node that writes more).
    const lost = (): void => {
      if (this.#sock !== sock) return;
      sock.destroy();
      this.#sock = null;
      if (this.#closed) return;
      this.#onLost?.();
      this.#scheduleRetry();
    };
    sock.on('data', lost);
    sock.on('close', lost);
    sock.on('error', () => {
      /* 'close' follows */
    });
  }

  #scheduleRetry(): void {
    this.#retry = getClock().setTimer(RECONNECT_TIME, () => {
      this.#retry = null;
      void this.#reconnect();
    });
  }

  async #reconnect(): Promise<void> {
    if (this.#closed) return;
    const r = await attemptRegistration(this.#options);
    if (this.#closed) {
      if ('sock' in r) r.sock.destroy();
      return;
    }
    if ('sock' in r) {
      this.#adopt(r.sock);
      this.#onRestored?.(r.creation);
    } else {
      this.#scheduleRetry();
    }
  }

  /** Re-registers now instead of at the next retry (after this process started an EPMD itself). */
  retryNow(): void {
    if (this.#closed || this.#sock !== null || this.#retry === null) return;
    getClock().clearTimer(this.#retry);
    this.#retry = null;
    void this.#reconnect();
  }

  /** Unregisters: closes the connection to EPMD and stops retrying. */
  close(): void {
    this.#closed = true;
    if (this.#retry !== null) getClock().clearTimer(this.#retry);
    this.#retry = null;
    this.#sock?.destroy();
    this.#sock = null;
  }
}

async function attemptRegistration(
  o: RegisterOptions,
): Promise<{ sock: net.Socket; creation: number } | { error: unknown }> {
  const timeout = o.timeout ?? EPMD_REPLY_TIMEOUT;
  const sock = await connectTcp('127.0.0.1', o.epmdPort ?? epmdPortFromEnv(), timeout, 4);
  if ('error' in sock) return sock;
  sock.write(
    encodeAlive2Req({
      name: o.name,
      port: o.port,
      nodeType: NODE_TYPE_NORMAL,
      protocol: PROTOCOL_TCP,
      highestVersion: DIST_VERSION,
      lowestVersion: DIST_VERSION,
      extra: Buffer.alloc(0),
    }),
  );
  const r = await readAnswer(sock, decodeAlive2Resp, timeout);
  if ('error' in r) {
    sock.destroy();
    return {
      error: r.error === 'closed' ? 'epmd_close' : r.error === 'timeout' ? 'no_reg_reply_from_epmd' : r.error,
    };
  }
  const { result } = r.answer;
  if (!result.ok) {
    sock.destroy();
    return { error: 'duplicate_name' };
  }
  return { sock, creation: result.creation };
}

/**
 * Registers node `name` at `port` with the local EPMD (ALIVE2_REQ), as erl_epmd:register_node/2.
 * @returns the registration (its `creation` is what EPMD handed out), or `{ error }` with OTP's
 *   reasons: `duplicate_name` (EPMD refused: the name is taken or invalid), `epmd_close`,
 *   `no_reg_reply_from_epmd` (no answer in 10 s), `{garbage_from_epmd, Bytes}`, or the
 *   connect's POSIX atom (`econnrefused`: no EPMD)
 * @example
 * // {ok, Creation} = erl_epmd:register_node("a", 45678)
 * const r = await registerNode({ name: 'a', port: 45678 });
 * @see https://www.erlang.org/doc/man/erl_epmd.html#register_node-2
 */
export async function registerNode(o: RegisterOptions): Promise<EpmdRegistration | { error: unknown }> {
  const r = await attemptRegistration(o);
  if ('error' in r) return r;
  return new EpmdRegistration(o, r.sock, r.creation);
}

/** Options of {@link portPlease} and {@link names}. */
export interface LookupOptions {
  /** EPMD's port; from `ERL_EPMD_PORT` or 4369 when left out. */
  readonly epmdPort?: number;
  /** Connect and answer deadline, ms (10 s). */
  readonly timeout?: number;
}

/** What {@link portPlease} found. */
export type PortPleaseResult =
  | { readonly port: number; readonly version: number; readonly node: NodePort }
  | 'noport'
  | { readonly error: unknown };

/** erl_epmd:select_best_version/4 against our 6..6. */
function bestVersion(low: number, high: number): number {
  if (DIST_VERSION > high || low > DIST_VERSION) return 0;
  return Math.min(DIST_VERSION, high);
}

/**
 * Asks the EPMD on `host` for the distribution port of node `name` (PORT_PLEASE2_REQ).
 * @returns `{ port, version }` (version 0 when the node speaks no version we do), `'noport'`
 *   when EPMD does not know the name or cannot be reached (as erl_epmd, which folds a failed
 *   connect into `noport`), or `{ error }` for a garbled answer or a host that does not resolve
 * @example
 * // {port, Port, Version} = erl_epmd:port_please("b", "localhost")
 * const r = await portPlease('b', 'localhost');
 * @see https://www.erlang.org/doc/man/erl_epmd.html#port_please-2
 */
export async function portPlease(
  name: string,
  host: string,
  o: LookupOptions = {},
): Promise<PortPleaseResult> {
  const timeout = o.timeout ?? EPMD_REPLY_TIMEOUT;
  const address = await lookupIPv4(host, timeout);
  if (typeof address !== 'string') return address;
  const sock = await connectTcp(address, o.epmdPort ?? epmdPortFromEnv(), timeout);
  if ('error' in sock) return 'noport';
  sock.write(encodePortPlease2Req(name));
  const r = await readAnswer(sock, decodePort2Resp, timeout);
  sock.destroy();
  if ('error' in r) return r.error === 'closed' || r.error === 'timeout' ? 'noport' : { error: r.error };
  const { result } = r.answer;
  if (!result.ok) return 'noport';
  return {
    port: result.node.port,
    version: bestVersion(result.node.lowestVersion, result.node.highestVersion),
    node: result.node,
  };
}

/**
 * Lists the names registered with the EPMD on `host` (NAMES_REQ), as net_adm:names/1.
 * @returns `[Name, Port]` pairs, or `{ error: 'address' }` when EPMD cannot be reached or
 *   answers for another port (as erl_epmd:names/1)
 * @example
 * // {ok, [{"a", 45678}]} = net_adm:names("localhost")
 * const r = await names('localhost');
 * @see https://www.erlang.org/doc/man/net_adm.html#names-1
 */
export async function names(
  host = '127.0.0.1',
  o: LookupOptions = {},
): Promise<[string, number][] | { error: unknown }> {
  const timeout = o.timeout ?? EPMD_REPLY_TIMEOUT;
  const epmdPort = o.epmdPort ?? epmdPortFromEnv();
  const address = await lookupIPv4(host, timeout);
  if (typeof address !== 'string') return address;
  const sock = await connectTcp(address, epmdPort, timeout);
  if ('error' in sock) return { error: 'address' };
  sock.write(encodeNamesReq());
  const r = await readAnswer(sock, (data) => data, timeout, true);
  sock.destroy();
  if ('error' in r) return { error: 'address' };
  if (r.answer.length === 0) return [];
  try {
    const decoded = decodeNamesResp(r.answer);
    if (decoded.epmdPort !== epmdPort) return { error: 'address' };
    return decoded.names;
  } catch {
    return { error: 'address' };
  }
}
