/**
 * The distribution handshake of OTP 23 and later (version 6), both sides, as a pure state
 * machine: bytes in, bytes and decisions out, no socket and no timer (the adapter in
 * transport.ts owns those). dist_util.erl is the reference; ERTS User's Guide, "Distribution
 * Protocol", the description.
 *
 * Every handshake message is `Length:16, Message`. A (initiator) and B (acceptor):
 *
 *   A                                             B
 *   send_name 'N' Flags:64 Creation:32 Nlen:16 Name ──▶ recv_name (also old 'n' Version:16 Flags:32 Name)
 *                                                    decide: ok | ok_simultaneous | nok | alive | not_allowed
 *   recv_status ◀──────────────────────── 's' Status
 *   (alive: is our pending attempt still on? 's' "true"|"false" ──▶)
 *   recv_challenge ◀──── 'N' Flags:64 Challenge:32 Creation:32 Nlen:16 Name
 *   (B got an old 'n': 'c' FlagsHigh:32 Creation:32 ──▶ recv_complement)
 *   send_challenge_reply 'r' ChallengeA:32 Digest(ChallengeB):16 ──▶ check the digest
 *   recv_challenge_ack ◀──── 'a' Digest(ChallengeA):16
 *   check the digest; up                          up
 *
 * A digest is MD5(Cookie ++ integer_to_list(Challenge)): only a node that knows the cookie can
 * answer a challenge, and the cookie never crosses the wire.
 *
 * Flags. Each side checks the mandatory flags (OUR_MANDATORY) after expanding
 * MANDATORY_25_DIGEST: the acceptor those the initiator sent (and refuses with `not_allowed`),
 * the initiator the intersection of both sides (and aborts). Both then use `ours & theirs`.
 *
 * Decisions the machine cannot make itself are events the adapter answers: `decide` (is a
 * connection to this peer already up or being set up?), `is_pending` (the peer says we are
 * connected already: is our attempt the one it knows?), `wait_pending` (before accepting a
 * peer that replaces an old connection, wait for the old one to go).
 */
import { createHash, randomBytes } from 'node:crypto';
import { toList } from '../../runtime/internal/dist-api.js';
import { LOW_WORD, NAME_ME, expandMandatory25, missingFlags } from './dist-flags.js';

/** The acceptor's answer to a peer that wants to connect (the status it sends). */
export type AcceptStatus = 'ok' | 'ok_simultaneous' | 'nok' | 'alive' | 'not_allowed';

/** What the initiator's send_name told the acceptor. */
export interface PeerHello {
  /** The peer's full node name. */
  readonly name: string;
  /** Its flags, MANDATORY_25_DIGEST expanded (the low 32 bits only, until an old peer's complement). */
  readonly flags: bigint;
  /** Its creation; null for an old 'n' send_name (it comes in the complement). */
  readonly creation: number | null;
}

/** A handshake that succeeded. */
export interface HandshakeResult {
  /** The peer's full node name. */
  readonly peerName: string;
  /** The flags the peer sent, MANDATORY_25_DIGEST expanded. */
  readonly peerFlags: bigint;
  /** The peer's creation: the one its pids, ports and references carry. */
  readonly peerCreation: number;
  /** What both sides use: ours & the peer's. `(flags & PUBLISHED) === 0n` is a hidden connection. */
  readonly flags: bigint;
  /** Bytes that came after the last handshake message: the start of the connection's data. */
  readonly rest: Buffer;
}

/** A handshake that failed: OTP's exit reason for the setup process, and the line OTP logs, if any. */
export interface HandshakeFailure {
  /** An Erlang term, as dist_util's shutdown2 reasons: `['recv_challenge_reply_failed', 'bad_cookie']`. */
  readonly reason: unknown;
  /** The error_logger line OTP writes for it (without a trailing newline), when it writes one. */
  readonly log?: string;
}

/** What the machine asks of its adapter, in order. */
export type HandshakeEvent =
  | { readonly kind: 'send'; readonly bytes: Buffer }
  | { readonly kind: 'decide'; readonly peer: PeerHello }
  | { readonly kind: 'is_pending'; readonly peerName: string }
  | { readonly kind: 'wait_pending'; readonly peerName: string }
  | { readonly kind: 'up'; readonly result: HandshakeResult }
  | { readonly kind: 'failed'; readonly failure: HandshakeFailure };

/** How one side of a handshake is set up. */
export interface HandshakeConfig {
  readonly role: 'initiator' | 'acceptor';
  /** This node's full name. */
  readonly thisNode: string;
  /** The flags this node sends (PUBLISHED included unless hidden). */
  readonly thisFlags: bigint;
  /** This node's creation. */
  readonly thisCreation: number;
  /** The flags a peer must have (after expanding MANDATORY_25_DIGEST). */
  readonly mandatory: bigint;
  /** The cookie to use with a peer (auth:get_cookie(Node)): its out and in cookie alike. */
  readonly cookieFor: (peerName: string) => string;
  /** The initiator's peer: the node it connects to (the challenge must come from it). */
  readonly peerNode?: string;
  /** A fresh 32-bit challenge; random (crypto) by default. Tests pass fixed ones. */
  readonly challenge?: () => number;
}

/** The message tags. */
const TAG_NAME_OLD = 0x6e; // 'n'
const TAG_NAME = 0x4e; // 'N'
const TAG_STATUS = 0x73; // 's'
const TAG_COMPLEMENT = 0x63; // 'c'
const TAG_REPLY = 0x72; // 'r'
const TAG_ACK = 0x61; // 'a'

type State =
  | 'idle'
  | 'recv_status'
  | 'is_pending'
  | 'recv_challenge'
  | 'recv_ack'
  | 'recv_name'
  | 'decide'
  | 'recv_alive_reply'
  | 'recv_complement'
  | 'recv_reply'
  | 'wait_pending'
  | 'up'
  | 'failed';

/**
 * The digest of `challenge` under `cookie`: MD5 of the cookie's characters followed by the
 * challenge in decimal.
 * @example
 * // erlang:md5([atom_to_list(Cookie) | integer_to_list(Challenge)])
 * genDigest(12345, 'secret');
 * @see dist_util:gen_digest/2
 */
export function genDigest(challenge: number, cookie: string): Buffer {
  return createHash('md5')
    .update(Buffer.from(cookie, 'latin1'))
    .update(String(challenge >>> 0))
    .digest();
}

/** A random 32-bit challenge (dist_util:gen_challenge/0 mixes clocks and counters instead). */
export function randomChallenge(): number {
  return randomBytes(4).readUInt32BE(0);
}

/** An atom as `~w` prints it, for the log lines. */
export function atomText(a: string): string {
  return /^[a-z][a-zA-Z0-9_@]*$/.test(a) ? a : `'${a.replace(/[\\']/g, (c) => '\\' + c)}'`;
}

/** One framed handshake message: `Length:16, Body`. */
function frame(body: Buffer): Buffer {
  const out = Buffer.allocUnsafe(2 + body.length);
  out.writeUInt16BE(body.length, 0);
  body.copy(out, 2);
  return out;
}

/** The new send_name: 'N' Flags:64 Creation:32 Nlen:16 Name, framed. */
export function encodeSendName(flags: bigint, creation: number, name: string): Buffer {
  const n = Buffer.from(name, 'latin1');
  const b = Buffer.allocUnsafe(15 + n.length);
  b.writeUInt8(TAG_NAME, 0);
  b.writeBigUInt64BE(flags, 1);
  b.writeUInt32BE(creation >>> 0, 9);
  b.writeUInt16BE(n.length, 13);
  n.copy(b, 15);
  return frame(b);
}

/** The old send_name of OTP 23/24 nodes that did not ask EPMD: 'n' Version=5:16 Flags:32 Name, framed. */
export function encodeOldSendName(flags: bigint, name: string): Buffer {
  const n = Buffer.from(name, 'latin1');
  const b = Buffer.allocUnsafe(7 + n.length);
  b.writeUInt8(TAG_NAME_OLD, 0);
  b.writeUInt16BE(5, 1);
  b.writeUInt32BE(Number(flags & LOW_WORD), 3);
  n.copy(b, 7);
  return frame(b);
}

/** The challenge: 'N' Flags:64 Challenge:32 Creation:32 Nlen:16 Name, framed. */
export function encodeChallenge(flags: bigint, challenge: number, creation: number, name: string): Buffer {
  const n = Buffer.from(name, 'latin1');
  const b = Buffer.allocUnsafe(19 + n.length);
  b.writeUInt8(TAG_NAME, 0);
  b.writeBigUInt64BE(flags, 1);
  b.writeUInt32BE(challenge >>> 0, 9);
  b.writeUInt32BE(creation >>> 0, 13);
  b.writeUInt16BE(n.length, 17);
  n.copy(b, 19);
  return frame(b);
}

/** The complement after an old send_name: 'c' FlagsHigh:32 Creation:32, framed. */
export function encodeComplement(flags: bigint, creation: number): Buffer {
  const b = Buffer.allocUnsafe(9);
  b.writeUInt8(TAG_COMPLEMENT, 0);
  b.writeUInt32BE(Number((flags >> 32n) & LOW_WORD), 1);
  b.writeUInt32BE(creation >>> 0, 5);
  return frame(b);
}

/** A status message: 's' Status, framed. */
export function encodeStatus(status: string): Buffer {
  return frame(Buffer.from('s' + status, 'latin1'));
}

/** The challenge reply: 'r' Challenge:32 Digest:16, framed. */
export function encodeChallengeReply(challenge: number, digest: Buffer): Buffer {
  const b = Buffer.allocUnsafe(21);
  b.writeUInt8(TAG_REPLY, 0);
  b.writeUInt32BE(challenge >>> 0, 1);
  digest.copy(b, 5);
  return frame(b);
}

/** The challenge ack: 'a' Digest:16, framed. */
export function encodeChallengeAck(digest: Buffer): Buffer {
  const b = Buffer.allocUnsafe(17);
  b.writeUInt8(TAG_ACK, 0);
  digest.copy(b, 1);
  return frame(b);
}

/** The name check of dist_util:is_name_ok/2 for a static name: one `@`, both parts non-empty. */
function isNodeName(name: string): boolean {
  const parts = name.split('@');
  return parts.length === 2 && (parts[0] as string).length > 0 && (parts[1] as string).length > 0;
}

/**
 * One side of one handshake. Feed it the peer's bytes with {@link receive} and answer its
 * questions ({@link decide}, {@link answerAlive}, {@link pendingDone}); every call returns the
 * events to act on, in order. After `up` or `failed` it ignores everything.
 * @example
 * // dist_util:handshake_we_started(HSData)   % the initiator's side
 * const hs = new Handshake({ role: 'initiator', thisNode: 'a@h', peerNode: 'b@h', thisFlags, thisCreation,
 *   mandatory: OUR_MANDATORY, cookieFor: () => 'cookie' });
 * for (const e of hs.start()) if (e.kind === 'send') socket.write(e.bytes);
 * @see https://www.erlang.org/doc/apps/erts/erl_dist_protocol.html#distribution-handshake
 */
export class Handshake {
  readonly #c: HandshakeConfig;
  #state: State = 'idle';
  #buffer: Buffer = Buffer.alloc(0);
  #ourChallenge = 0;
  /** The acceptor's copy of the initiator's challenge, answered in the ack. */
  #theirChallenge = 0;
  #peerName = '';
  #peerFlags = 0n;
  #peerCreation: number | null = null;
  #oldName = false;
  #status: AcceptStatus = 'ok';

  constructor(config: HandshakeConfig) {
    this.#c = config;
  }

  /** Where the machine is (for tests and diagnostics). */
  get state(): string {
    return this.#state;
  }

  /** Starts: the initiator sends its name; the acceptor waits for the peer's. */
  start(): HandshakeEvent[] {
    if (this.#state !== 'idle') return [];
    if (this.#c.role === 'acceptor') {
      this.#state = 'recv_name';
      return [];
    }
    this.#state = 'recv_status';
    return [
      { kind: 'send', bytes: encodeSendName(this.#c.thisFlags, this.#c.thisCreation, this.#c.thisNode) },
    ];
  }

  /** The peer's bytes, as they came. */
  receive(data: Buffer): HandshakeEvent[] {
    if (this.#state === 'up' || this.#state === 'failed') return [];
    this.#buffer = this.#buffer.length === 0 ? data : Buffer.concat([this.#buffer, data]);
    return this.#drain();
  }

  /** The acceptor's decision on the peer of a `decide` event. */
  decide(status: AcceptStatus): HandshakeEvent[] {
    if (this.#state !== 'decide') return [];
    this.#status = status;
    const out: HandshakeEvent[] = [{ kind: 'send', bytes: encodeStatus(status) }];
    switch (status) {
      case 'ok':
      case 'ok_simultaneous':
        out.push(this.#sendChallenge());
        break;
      case 'alive':
        this.#state = 'recv_alive_reply';
        break;
      case 'nok':
        out.push(this.#fail('nok'));
        return out;
      case 'not_allowed':
        out.push(this.#fail(['is_allowed', 'not_allowed']));
        return out;
    }
    return out.concat(this.#drain());
  }

  /** The initiator's answer to `is_pending`: whether its attempt is the one the peer knows. */
  answerAlive(stillPending: boolean): HandshakeEvent[] {
    if (this.#state !== 'is_pending') return [];
    const out: HandshakeEvent[] = [{ kind: 'send', bytes: encodeStatus(stillPending ? 'true' : 'false') }];
    if (!stillPending) {
      out.push(this.#fail(['recv_status_failed', 'alive']));
      return out;
    }
    this.#state = 'recv_challenge';
    return out.concat(this.#drain());
  }

  /**
   * The connection ended before the handshake did (the peer closed it, or the setup time ran
   * out: `why` is `closed` or `setup_timer_timeout`).
   * @returns the failure, with OTP's reason for the step it was at
   */
  interrupted(why: 'closed' | 'setup_timer_timeout'): HandshakeEvent[] {
    if (this.#state === 'up' || this.#state === 'failed') return [];
    if (why === 'setup_timer_timeout') return [this.#fail('setup_timer_timeout')];
    const step: Record<string, string> = {
      idle: 'send_name',
      recv_status: 'recv_status',
      is_pending: 'recv_status',
      recv_challenge: 'recv_challenge',
      recv_ack: 'recv_challenge_ack',
      recv_name: 'recv_name',
      decide: 'recv_name',
      recv_alive_reply: 'recv_status',
      recv_complement: 'recv_complement',
      recv_reply: 'recv_challenge_reply',
      wait_pending: 'recv_challenge_reply',
    };
    return [this.#fail([`${step[this.#state] ?? this.#state}_failed`, ['error', 'closed']])];
  }

  /** After `wait_pending`: the old connection to the peer is gone; the acceptor finishes. */
  pendingDone(): HandshakeEvent[] {
    if (this.#state !== 'wait_pending') return [];
    return this.#finishAccept();
  }

  #fail(reason: unknown, log?: string): HandshakeEvent {
    this.#state = 'failed';
    this.#buffer = Buffer.alloc(0);
    return { kind: 'failed', failure: log === undefined ? { reason } : { reason, log } };
  }

  /** Handles every complete message buffered, while the state takes messages. */
  #drain(): HandshakeEvent[] {
    const out: HandshakeEvent[] = [];
    for (;;) {
      if (!this.#takesMessages()) return out;
      if (this.#buffer.length < 2) return out;
      const length = this.#buffer.readUInt16BE(0);
      if (this.#buffer.length < 2 + length) return out;
      const msg = this.#buffer.subarray(2, 2 + length);
      this.#buffer = this.#buffer.subarray(2 + length);
      out.push(...this.#message(msg));
    }
  }

  #takesMessages(): boolean {
    switch (this.#state) {
      case 'recv_status':
      case 'recv_challenge':
      case 'recv_ack':
      case 'recv_name':
      case 'recv_alive_reply':
      case 'recv_complement':
      case 'recv_reply':
        return true;
      default:
        return false;
    }
  }

  #message(msg: Buffer): HandshakeEvent[] {
    switch (this.#state) {
      case 'recv_status':
        return this.#recvStatus(msg);
      case 'recv_challenge':
        return this.#recvChallenge(msg);
      case 'recv_ack':
        return this.#recvAck(msg);
      case 'recv_name':
        return this.#recvName(msg);
      case 'recv_alive_reply':
        return this.#recvAliveReply(msg);
      case 'recv_complement':
        return this.#recvComplement(msg);
      case 'recv_reply':
        return this.#recvReply(msg);
      default:
        return [];
    }
  }

  // ---- initiator ----

  #recvStatus(msg: Buffer): HandshakeEvent[] {
    const peer = this.#c.peerNode ?? '';
    if (msg[0] !== TAG_STATUS) return [this.#fail(['recv_status_failed', Buffer.from(msg)])];
    const status = msg.toString('latin1', 1);
    switch (status) {
      case 'ok':
      case 'ok_simultaneous':
        this.#state = 'recv_challenge';
        return [];
      case 'nok':
        // OTP's setup process waits to be killed: the peer's own attempt to us wins.
        return [this.#fail('nok')];
      case 'alive':
        this.#state = 'is_pending';
        return [{ kind: 'is_pending', peerName: peer }];
      case 'not_allowed':
        return [this.#fail(['recv_status_failed', 'not_allowed'])];
      default:
        if (status.startsWith('named:')) return [this.#fail(['recv_status_failed', 'unexpected', 'named:'])];
        return [this.#fail(['recv_status_failed', 'unknown', status])];
    }
  }

  #recvChallenge(msg: Buffer): HandshakeEvent[] {
    if (msg[0] !== TAG_NAME || msg.length < 19)
      return [this.#fail(['recv_challenge_failed', Buffer.from(msg)])];
    const nameLength = msg.readUInt16BE(17);
    if (msg.length < 19 + nameLength) {
      return [this.#fail(['recv_challenge_failed', 'no_node', Buffer.from(msg)])];
    }
    const name = msg.toString('latin1', 19, 19 + nameLength);
    if (this.#c.peerNode !== undefined && name !== this.#c.peerNode) {
      return [this.#fail(['recv_challenge_failed', 'no_node', name])];
    }
    const peerFlags = expandMandatory25(msg.readBigUInt64BE(1));
    const theirChallenge = msg.readUInt32BE(9);
    this.#peerName = name;
    this.#peerFlags = peerFlags;
    this.#peerCreation = msg.readUInt32BE(13);
    const chosen = this.#c.thisFlags & peerFlags;
    const missing = missingFlags(this.#c.mandatory, chosen);
    if (missing.length > 0) {
      return [
        this.#fail(
          ['check_dflags_failed', toList(missing)],
          `** ${atomText(this.#c.thisNode)}: Connection attempt to node ${atomText(name)} aborted since it cannot handle ${stringList(missing)}.**`,
        ),
      ];
    }
    this.#ourChallenge = (this.#c.challenge ?? randomChallenge)() >>> 0;
    const digest = genDigest(theirChallenge, this.#c.cookieFor(name));
    this.#state = 'recv_ack';
    return [{ kind: 'send', bytes: encodeChallengeReply(this.#ourChallenge, digest) }];
  }

  #recvAck(msg: Buffer): HandshakeEvent[] {
    if (msg[0] !== TAG_ACK || msg.length !== 17) {
      return [this.#fail(['recv_challenge_ack_failed', Buffer.from(msg)])];
    }
    const expected = genDigest(this.#ourChallenge, this.#c.cookieFor(this.#peerName));
    if (!expected.equals(msg.subarray(1))) {
      return [
        this.#fail(
          ['recv_challenge_ack_failed', 'bad_cookie'],
          `** Connection attempt to node ${atomText(this.#peerName)} cancelled. Invalid challenge ack. **`,
        ),
      ];
    }
    return [this.#up()];
  }

  // ---- acceptor ----

  #recvName(msg: Buffer): HandshakeEvent[] {
    let name: string;
    let flags: bigint;
    if (msg[0] === TAG_NAME) {
      if (msg.length < 15) return [this.#fail(['recv_name_failed', Buffer.from(msg)])];
      const nameLength = msg.readUInt16BE(13);
      if (msg.length < 15 + nameLength) return [this.#fail(['recv_name_failed', Buffer.from(msg)])];
      flags = msg.readBigUInt64BE(1);
      this.#peerCreation = msg.readUInt32BE(9);
      name = msg.toString('latin1', 15, 15 + nameLength);
    } else if (msg[0] === TAG_NAME_OLD) {
      if (msg.length < 8) return [this.#fail(['recv_name_failed', Buffer.from(msg)])];
      flags = BigInt(msg.readUInt32BE(3));
      this.#oldName = true;
      name = msg.toString('latin1', 7);
    } else {
      return [this.#fail(['recv_name_failed', Buffer.from(msg)])];
    }
    if ((flags & NAME_ME) !== 0n) {
      // A dynamic name (NAME_ME) would be this node's to make up; erlts does not name peers.
      return [this.#fail(['recv_name_failed', 'name_me', name])];
    }
    if (!isNodeName(name)) return [this.#fail(['name', Buffer.from(msg)])];
    this.#peerName = name;
    this.#peerFlags = expandMandatory25(flags);
    // An old send_name carries the low 32 flag bits only: check those now, the rest after
    // the complement (dist_util:check_dflags/2 masks them while the creation is unknown).
    const checkFirst = this.#oldName ? this.#c.mandatory & LOW_WORD : this.#c.mandatory;
    const refused = this.#checkPeerFlags(checkFirst);
    if (refused !== null) return refused;
    this.#state = 'decide';
    return [{ kind: 'decide', peer: { name, flags: this.#peerFlags, creation: this.#peerCreation } }];
  }

  /** The acceptor's mandatory check: `not_allowed` to the peer, and OTP's log line. */
  #checkPeerFlags(mandatory: bigint): HandshakeEvent[] | null {
    const missing = missingFlags(mandatory, this.#peerFlags);
    if (missing.length === 0) return null;
    return [
      { kind: 'send', bytes: encodeStatus('not_allowed') },
      this.#fail(
        ['check_dflags_failed', toList(missing)],
        `** ${atomText(this.#c.thisNode)}: Connection attempt from node ${atomText(this.#peerName)} rejected since it cannot handle ${stringList(missing)}.**`,
      ),
    ];
  }

  #sendChallenge(): HandshakeEvent {
    this.#ourChallenge = (this.#c.challenge ?? randomChallenge)() >>> 0;
    this.#state = this.#oldName ? 'recv_complement' : 'recv_reply';
    return {
      kind: 'send',
      bytes: encodeChallenge(this.#c.thisFlags, this.#ourChallenge, this.#c.thisCreation, this.#c.thisNode),
    };
  }

  #recvAliveReply(msg: Buffer): HandshakeEvent[] {
    const text = msg.toString('latin1');
    if (text === 'strue') return [this.#sendChallenge()];
    if (text === 'sfalse') return [this.#fail(['recv_status_failed', 'alive'])];
    return [this.#fail(['recv_status_failed', 'unexpected', text.slice(1)])];
  }

  #recvComplement(msg: Buffer): HandshakeEvent[] {
    if (msg[0] !== TAG_COMPLEMENT || msg.length !== 9) {
      return [this.#fail(['recv_complement_failed', Buffer.from(msg)])];
    }
    this.#peerFlags = expandMandatory25(this.#peerFlags | (BigInt(msg.readUInt32BE(1)) << 32n));
    this.#peerCreation = msg.readUInt32BE(5);
    this.#state = 'recv_reply';
    // dist_util checks again, now with all 64 bits, and sends not_allowed even at this step.
    return this.#checkPeerFlags(this.#c.mandatory) ?? [];
  }

  #recvReply(msg: Buffer): HandshakeEvent[] {
    if (msg[0] !== TAG_REPLY || msg.length !== 21) {
      return [this.#fail(['recv_challenge_reply_failed', Buffer.from(msg)])];
    }
    const expected = genDigest(this.#ourChallenge, this.#c.cookieFor(this.#peerName));
    if (!expected.equals(msg.subarray(5))) {
      return [
        this.#fail(
          ['recv_challenge_reply_failed', 'bad_cookie'],
          `** Connection attempt from node ${atomText(this.#peerName)} rejected. Invalid challenge reply. **`,
        ),
      ];
    }
    this.#theirChallenge = msg.readUInt32BE(1);
    if (this.#status === 'alive') {
      this.#state = 'wait_pending';
      return [{ kind: 'wait_pending', peerName: this.#peerName }];
    }
    return this.#finishAccept();
  }

  #finishAccept(): HandshakeEvent[] {
    const digest = genDigest(this.#theirChallenge, this.#c.cookieFor(this.#peerName));
    return [{ kind: 'send', bytes: encodeChallengeAck(digest) }, this.#up()];
  }

  #up(): HandshakeEvent {
    this.#state = 'up';
    const rest = this.#buffer;
    this.#buffer = Buffer.alloc(0);
    return {
      kind: 'up',
      result: {
        peerName: this.#peerName,
        peerFlags: this.#peerFlags,
        peerCreation: this.#peerCreation ?? 0,
        flags: this.#c.thisFlags & this.#peerFlags,
        rest,
      },
    };
  }
}

/** A list of strings as `~p` prints it: `["V4_NC","UNLINK_ID"]`. */
function stringList(items: readonly string[]): string {
  return `[${items.map((s) => JSON.stringify(s)).join(',')}]`;
}
