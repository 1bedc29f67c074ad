/**
 * A gen_udp port: inet_drv's UDP half over one {@link DgramPort} (the datagram adapter shared
 * with the socket module). The adapter hands each datagram to a waiting `recv`, else to this
 * port's active delivery, else keeps it in its bounded queue (the kernel's receive buffer).
 *
 *   dgram.Socket ─▶ DgramPort ─┬─ recv waiting ──────────▶ {ok, {IP, Port, Data}}
 *                              ├─ active (take) ─────────▶ {udp, S, IP, Port, Data}
 *                              └─ passive: queue (recbuf) ▶ later recv or re-activation
 *
 * Active accounting is the same {@link ActiveCounter} as TCP's: `{active, N}` counts down and
 * `{udp_passive, S}` follows the Nth message. A datagram longer than `buffer` is cut to it, as
 * inet_drv reads into a buffer of that size.
 */
import { List, type Pid } from 'erlts';
import { isList, type ProcessHandle } from '../../../runtime/internal/driver-api.js';
import { is_ipv4_address, is_ipv6_address, ntoa, parse_address } from '../address.js';
import { toBuffer } from '../tcp/iodata.js';
import { InetPort, type Endpoint, type InetRow } from '../inet-port.js';
import type { Lifecycle } from '../lifecycle.js';
import type { Einval } from '../option-table.js';
import { packetData } from '../packet-data.js';
import type { NodeFailure } from '../posix.js';
import type { IoCounters } from '../node/counters.js';
import { ActiveCounter } from '../tcp/options-active.js';
import { DgramPort, type Datagram } from './dgram.js';
import { udpLifecycleTable, type UdpEvent, type UdpState } from './lifecycle.js';
import { getUdpOptions, setUdpOptions, type Membership, type UdpOptions } from './options.js';

const einval: Einval = ['error', 'einval'];

/** What recv gives: `{ok, {IP, Port, Data}}` or `{error, Reason}`. */
export type UdpRecvResult =
  | readonly ['ok', readonly [unknown, number, unknown]]
  | readonly ['error', NodeFailure | 'einval' | 'ealready'];

/** What send gives. */
export type UdpSendResult = 'ok' | readonly ['error', NodeFailure | 'einval' | 'enotsup'];

/** inet_drv's address family codes in `{deliver, port}` data. */
const INET_AF_INET = 1;
const INET_AF_INET6 = 2;

export class UdpPort extends InetPort<UdpOptions, UdpState, UdpEvent> {
  readonly dgram: DgramPort;
  readonly #active: ActiveCounter;
  /** The last source address seen, and its tuple: a server mostly hears the same peers. */
  #lastAddress = '';
  #lastIp: unknown = undefined;

  /**
   * @param owner - the controlling process
   * @param options - the port's options
   * @param dgram - a bound datagram endpoint
   */
  constructor(owner: ProcessHandle, options: UdpOptions, dgram: DgramPort) {
    super(owner, options, 'udp_inet');
    this.dgram = dgram;
    this.#active = new ActiveCounter(options.active);
    dgram.take = (d) => this.#take(d);
    dgram.takeError = (reason) => this.#takeError(reason);
    dgram.countFailedSends = true;
  }

  protected lifecycle(): Lifecycle<UdpState, UdpEvent> {
    return udpLifecycleTable;
  }

  override get counters(): IoCounters {
    return this.dgram.counters;
  }

  protected override get ownerDeathTag(): 'port' {
    return 'port';
  }

  override get infoInput(): number {
    return 0;
  }

  /** What the port monitors, as OTP 25's `monitors` of a UDP port: nothing. */
  override infoMonitors(): List<readonly ['process', Pid]> {
    return new List();
  }

  /** The options with the active mode now, as getopts and setopts see them. */
  override currentOptions(): UdpOptions {
    const active = this.#active.value;
    return this.options.active === active ? this.options : { ...this.options, active };
  }

  // ---- receiving ----

  /** Active delivery: the datagram as a message to the owner, if the port is active. */
  #take(d: Datagram): boolean {
    if (!this.#active.delivering) return false;
    this.tell(this.#message(d));
    if (this.#active.consume()) this.tell(['udp_passive', this.port]);
    return true;
  }

  /** An asynchronous error on an active port: `{udp_error, S, Reason}`. */
  #takeError(reason: NodeFailure): boolean {
    if (!this.#active.delivering) return false;
    this.tell(['udp_error', this.port, reason]);
    return true;
  }

  #message(d: Datagram): readonly unknown[] {
    const o = this.options;
    const data = this.#cut(d.data);
    this.dgram.counters.countRecv(data.length);
    if (o.deliver === 'port') return [this.port, ['data', this.#portData(d, data)]];
    return ['udp', this.port, this.#ip(d.address), d.port, packetData(data, o.mode, o.header)];
  }

  /** A datagram longer than `buffer` is cut to it. */
  #cut(data: Buffer): Buffer {
    const max = this.options.buffer;
    return data.length > max ? data.subarray(0, max) : data;
  }

  /** A source address as a tuple; a v4-mapped one stays an IPv6 tuple, as OTP gives it. */
  #ip(address: string): unknown {
    if (address !== this.#lastAddress) {
      this.#lastAddress = address;
      const parsed = parse_address(address);
      this.#lastIp = parsed[0] === 'ok' ? parsed[1] : address;
    }
    return this.#lastIp;
  }

  /** `{deliver, port}` data: the family, the port and the address, then the datagram. */
  #portData(d: Datagram, data: Buffer): unknown {
    const ip = this.#ip(d.address) as readonly number[];
    const head =
      ip.length === 4
        ? [INET_AF_INET, d.port >> 8, d.port & 255, ...ip]
        : [INET_AF_INET6, d.port >> 8, d.port & 255, ...ip.flatMap((w) => [w >> 8, w & 255])];
    const bytes = Buffer.concat([Buffer.from(head), data]);
    return this.options.mode === 'list' ? packetData(bytes, 'list', 0) : bytes;
  }

  /**
   * `gen_udp:recv/2,3` on this port: the next datagram, waiting up to `timeout`.
   * @param proc - the caller
   * @param timeout - milliseconds or `'infinity'`
   */
  async recv(proc: ProcessHandle, timeout: number | 'infinity'): Promise<UdpRecvResult> {
    if (this.#active.delivering) return einval;
    // inet_drv serves one recv at a time.
    if (this.dgram.readers.length > 0) return ['error', 'ealready'];
    const r = await this.dgram.recvfrom(proc, timeout);
    if (r[0] === 'error') return r[1] === 'cancelled' ? ['error', 'closed'] : (r as UdpRecvResult);
    const d = r[1];
    const data = this.#cut(d.data);
    this.dgram.counters.countRecv(data.length);
    const o = this.options;
    return ['ok', [this.#ip(d.address), d.port, packetData(data, o.mode, o.header)]];
  }

  // ---- options ----

  setopts(opts: unknown): 'ok' | Einval {
    // The hot path of {active, once} servers: a lone {active, V}, no copy of the options.
    if (Array.isArray(opts) && opts.length === 1 && !isList(opts)) {
      const opt: unknown = opts[0];
      if (Array.isArray(opt) && !isList(opt) && opt.length === 2 && opt[0] === 'active') {
        const r = this.#active.set(opt[1]);
        if (r.passive) this.tell(['udp_passive', this.port]);
        if (r.reply === 'ok') this.dgram.drain();
        return r.reply;
      }
    }
    const prev = this.currentOptions();
    const r = setUdpOptions(prev, opts);
    if (r.reply !== 'ok') return r.reply;
    const applied = this.applyToSocket(prev, r.options);
    if (applied !== 'ok') return einval;
    this.options = { ...r.options, memberships: [] };
    this.#active.assign(r.options.active);
    if (r.passive) this.tell(['udp_passive', this.port]);
    this.dgram.drain();
    return 'ok';
  }

  /**
   * Applies what changed from `prev` to `next` to the Node socket, memberships included;
   * `prev` null for the options of open.
   * @returns `ok`, or the first refusal
   */
  applyToSocket(
    prev: Readonly<UdpOptions> | null,
    next: Readonly<UdpOptions>,
  ): 'ok' | readonly ['error', NodeFailure] {
    const d = this.dgram;
    const steps: ((sock: DgramPort['sock']) => void)[] = [];
    const changed = <K extends keyof UdpOptions>(k: K): boolean => prev === null || prev[k] !== next[k];
    if (changed('recbuf') && next.recbuf !== undefined) {
      const size = next.recbuf;
      steps.push((s) => s.setRecvBufferSize(size));
    }
    if (changed('sndbuf') && next.sndbuf !== undefined) {
      const size = next.sndbuf;
      steps.push((s) => s.setSendBufferSize(size));
    }
    if (changed('broadcast') && (prev !== null || next.broadcast))
      steps.push((s) => s.setBroadcast(next.broadcast));
    if (changed('ttl') && (prev !== null || next.ttl !== 64)) steps.push((s) => s.setTTL(next.ttl));
    if (changed('multicastTtl') && (prev !== null || next.multicastTtl !== 1)) {
      steps.push((s) => s.setMulticastTTL(next.multicastTtl));
    }
    if (changed('multicastLoop') && (prev !== null || !next.multicastLoop)) {
      steps.push((s) => s.setMulticastLoopback(next.multicastLoop));
    }
    const mif = next.multicastIf;
    if (changed('multicastIf') && Array.isArray(mif)) {
      steps.push((s) => s.setMulticastInterface(ipText(mif)));
    }
    for (const step of steps) {
      const r = d.apply(step);
      if (r !== 'ok') return r;
    }
    for (const m of next.memberships) {
      const r = d.apply((s) => applyMembership(s, m));
      // gen_udp:open/2 opens even when the kernel refuses a group, as OTP 25's does.
      if (r !== 'ok' && prev !== null) return r;
    }
    // The queue stands for the kernel's buffer: its bound follows the buffer's size.
    d.capacity = d.apply((s) => s.getRecvBufferSize()) === 'ok' ? d.sock.getRecvBufferSize() : undefined;
    return 'ok';
  }

  getopts(names: unknown): readonly ['ok', List<[string, unknown]>] | Einval {
    const sock = this.dgram.sock;
    return getUdpOptions(
      this.currentOptions(),
      { recbuf: () => sock.getRecvBufferSize(), sndbuf: () => sock.getSendBufferSize() },
      names,
    );
  }

  carries(msg: readonly unknown[]): boolean {
    // inet:udp_controlling_process moves {udp, S, _, _, _}, {udp_closed, S} and {S, {data, _}}.
    if (msg[0] === this.port) return msg.length === 2;
    if (msg[1] !== this.port) return false;
    return (msg[0] === 'udp' && msg.length === 5) || (msg[0] === 'udp_closed' && msg.length === 2);
  }

  get closedTag(): string {
    return 'udp_closed';
  }

  // ---- sending ----

  /**
   * Sends one datagram to `host`:`port` (sendto), or to the peer of a connected port.
   * @param data - the datagram
   */
  sendto(data: Buffer, host: string, port: number): Promise<UdpSendResult> {
    // inet_drv sends on a connected socket with send(2): the destination given is ignored.
    if (this.state === 'connected') return this.dgram.send(data);
    return this.dgram.sendto(data, host, port);
  }

  /**
   * send/4's common case without a lookup or an await: `host` an address tuple of the port's
   * family, `port` a port number, `packet` iodata, as an echo server answers a datagram.
   * @returns the send, or undefined for anything else (the caller takes the general path)
   */
  sendQuick(host: unknown, port: unknown, packet: unknown): Promise<UdpSendResult> | undefined {
    if (typeof port !== 'number' || !Number.isInteger(port) || port <= 0 || port > 65535) return undefined;
    let text: string;
    // The tuple a datagram arrived from, sent back to: its text is known.
    if (host === this.#lastIp && Array.isArray(host)) text = this.#lastAddress;
    else {
      const v4 = this.options.family !== 'inet6';
      if (!(v4 ? is_ipv4_address(host) : is_ipv6_address(host))) return undefined;
      text = ntoa(host) as string;
    }
    const buf = toBuffer(packet);
    return buf === undefined ? undefined : this.sendto(buf, text, port);
  }

  /** Sends one datagram to the connected peer; einval when there is none, as inet_drv. */
  send(data: Buffer): Promise<UdpSendResult> {
    if (this.state !== 'connected') return Promise.resolve(einval);
    return this.dgram.send(data);
  }

  /** `gen_udp:connect/3`: sends go to `host`:`port`, and only its datagrams arrive. */
  async connect(host: string, port: number): Promise<'ok' | readonly ['error', NodeFailure]> {
    if (port === 0) {
      // Linux takes a connect to port 0 and leaves the socket without a peer.
      this.dgram.disconnect();
      if (this.can('DISCONNECT')) this.go('DISCONNECT');
      return 'ok';
    }
    const r = await this.dgram.connect(host, port);
    if (r === 'ok' && !this.gone) this.go('CONNECT');
    return r;
  }

  get pending(): number {
    return 0;
  }

  // ---- the port ----

  protected release(): void {
    this.dgram.close();
  }

  states(): List<string> {
    if (this.gone) return new List('closed');
    return this.state === 'connected' ? new List('connected', 'open') : new List('open');
  }

  iRow(): InetRow {
    return {
      module: this.options.family === 'inet6' ? 'inet6_udp' : 'inet_udp',
      state: this.state === 'connected' ? 'CONNECTED(O)' : 'IDLE',
      type: 'DGRAM',
    };
  }

  sockname(): Endpoint | null {
    return this.dgram.sockname(this.options.family === 'inet6' ? 'inet6' : 'inet');
  }

  peername(): Endpoint | null {
    return this.dgram.peername();
  }
}

/** An address tuple as Node takes it. */
function ipText(ip: readonly number[]): string {
  return ip.length === 4 ? ip.join('.') : ip.map((w) => w.toString(16)).join(':');
}

/** Joins or leaves a multicast group. */
function applyMembership(s: DgramPort['sock'], [op, group, iface]: Membership): void {
  const ifaceText = Array.isArray(iface) ? ipText(iface) : undefined;
  if (op === 'add') s.addMembership(ipText(group), ifaceText);
  else s.dropMembership(ipText(group), ifaceText);
}
