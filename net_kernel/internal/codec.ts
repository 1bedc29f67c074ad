/**
 * Distribution frames in the external term format: `112` (pass-through: no atom cache), the
 * control tuple, and for the operations that carry one the message (or exit reason), each with its
 * own version byte, as ERTS writes them to a peer without DFLAG_DIST_HDR_ATOM_CACHE.
 *
 * A message that is no Erlang term (a JS closure, an Error, a class instance) cannot be sent to
 * another node: the send raises `badarg` in the sender, as the external term format refuses it. An
 * exit reason must go out anyway (a process that died of a JS TypeError still breaks its links), so
 * one that cannot be encoded is sent in a term form: an Error as `{Name, Message}` with the message
 * a binary, anything else as the binary of its printed form (docs/DEVIATIONS.md).
 */

import {
  TermWriter,
  decodeExternalTerm,
  describe,
  distEncoding,
  encodeExternalTerm,
  termKind,
  toList,
} from '../../runtime/internal/dist-api.js';
import { Op, withPayload } from './control.js';

/** The pass-through header byte. */
const PASS_THROUGH = 112;
/** What a frame's badarg names. */
const FN = 'erlang:send/2';
/** From this size a binary is written from the sender's Buffer, not copied into the outbox. */
const OUT_OF_LINE = 4096;
/** An outbox's buffer, and the one it starts afresh with after handing a large one over. */
const INITIAL_BYTES = 64 * 1024;
/** Up to this many bytes an outbox copies out what it hands over, and keeps its buffer. */
const COPY_OUT = 16 * 1024;

/**
 * The frames a connection has yet to write, back to back, each with the channel's 4-byte length
 * header, so that one socket write takes them all:
 *
 *   buf   [ Len | 112 | 131 Control | 131 Message | Len | 112 | 131 Control | 131 Mess·ge ... ]
 *                                                                                ▲
 *   gaps                                                        (position, Buffer of 64 KiB)
 *
 * A binary of OUT_OF_LINE bytes or more is not copied in: it is a gap, recorded with its
 * position, and goes out from the sender's own Buffer between the bytes before and after it
 * (one writev), as OTP writes a large binary from the sender's refc binary. Such a Buffer must
 * not change until it is written, as with gen_tcp:send (a local receiver shares it anyway).
 * A length written later (the frame's header, a NEW_FUN_EXT's size) counts the gaps after it.
 *
 * The control tuple of the last message is kept encoded: a process streaming to another sends
 * the same `{SEND_SENDER, From, To}` again and again, and copies its bytes instead.
 */
export class Outbox extends TermWriter {
  readonly #gapAt: number[] = [];
  readonly #gapBuf: Buffer[] = [];
  #gapBytes = 0;
  /** Frames written since the last {@link takeFrames}. */
  packets = 0;
  /** The last message's control tuple, and its bytes (131 included). */
  #control: readonly unknown[] = [];
  #controlBytes: Buffer | null = null;

  constructor() {
    super(INITIAL_BYTES);
  }

  /** Bytes waiting: in the buffer and in gaps. */
  get size(): number {
    return this.length + this.#gapBytes;
  }

  override bytes(src: Uint8Array): void {
    if (src.length < OUT_OF_LINE) {
      super.bytes(src);
      return;
    }
    this.#gapAt.push(this.length);
    this.#gapBuf.push(Buffer.isBuffer(src) ? src : Buffer.from(src.buffer, src.byteOffset, src.length));
    this.#gapBytes += src.length;
  }

  override patchU32(at: number, v: number): void {
    let gaps = 0;
    for (let i = this.#gapAt.length - 1; i >= 0 && (this.#gapAt[i] as number) > at; i--) {
      gaps += (this.#gapBuf[i] as Buffer).length;
    }
    super.patchU32(at, v + gaps);
  }

  /**
   * Appends one frame: the control tuple and, for the operations that take one, the message.
   * @param control - the control tuple, its operation first
   * @param payload - the message, exit reason or argument list, when the operation has one
   * @throws ErlangError badarg when the message is not a term (nothing is appended)
   */
  frame(control: readonly unknown[], ...payload: [] | [unknown]): void {
    this.#frame(control, false, payload);
  }

  /**
   * Appends a message's frame (SEND, SEND_SENDER, REG_SEND, ALIAS_SEND), its control tuple
   * copied when it is the last one's again (the same operation, pids, name or alias).
   * @throws ErlangError badarg when the message is not a term (nothing is appended)
   */
  message(control: readonly unknown[], msg: unknown): void {
    this.#frame(control, true, [msg]);
  }

  #frame(control: readonly unknown[], cache: boolean, payload: [] | [unknown]): void {
    const start = this.length;
    const gaps = this.#gapAt.length;
    this.u32(0);
    this.u8(PASS_THROUGH);
    try {
      if (cache && this.#controlBytes !== null && sameElements(control, this.#control)) {
        super.bytes(this.#controlBytes);
      } else {
        const at = this.length;
        encodeExternalTerm(this, control, distEncoding, FN);
        if (cache) {
          this.#control = control;
          this.#controlBytes = Buffer.from(this.buf.subarray(at, this.length));
        }
      }
      if (payload.length === 1) encodeExternalTerm(this, payload[0], distEncoding, FN);
    } catch (e) {
      this.length = start;
      this.#dropGaps(gaps);
      throw e;
    }
    this.patchU32(start, this.length - start - 4);
    this.packets++;
  }

  #dropGaps(keep: number): void {
    while (this.#gapAt.length > keep) {
      this.#gapAt.pop();
      this.#gapBytes -= (this.#gapBuf.pop() as Buffer).length;
    }
  }

  /**
   * Hands over everything appended, and starts afresh.
   * @returns the bytes, in one Buffer or (with gaps) as the parts to write one after another
   */
  takeFrames(): Buffer | Buffer[] {
    const n = this.length;
    let own: Buffer;
    if (n <= COPY_OUT) {
      own = Buffer.allocUnsafe(n);
      this.buf.copy(own, 0, 0, n);
    } else {
      // Given away, not copied: the socket holds it until written.
      own = this.buf.subarray(0, n);
      this.buf = Buffer.allocUnsafe(INITIAL_BYTES);
    }
    this.length = 0;
    this.packets = 0;
    if (this.#gapAt.length === 0) return own;
    const parts: Buffer[] = [];
    let from = 0;
    for (let i = 0; i < this.#gapAt.length; i++) {
      const at = this.#gapAt[i] as number;
      if (at > from) parts.push(own.subarray(from, at));
      parts.push(this.#gapBuf[i] as Buffer);
      from = at;
    }
    if (n > from) parts.push(own.subarray(from, n));
    this.#dropGaps(0);
    return parts;
  }

  /** Drops everything appended (the connection is gone). */
  override reset(): void {
    this.length = 0;
    this.packets = 0;
    this.#dropGaps(0);
  }
}

/** Whether two control tuples have the same elements (pids, refs and atoms: identical). */
function sameElements(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Appends a frame carrying an exit reason: after the control tuple (the PAYLOAD_ operations), or
 * with `inControl` as the control tuple's last element (the old EXIT, EXIT2, MONITOR_P_EXIT, for
 * a peer without DFLAG_EXIT_PAYLOAD). A reason that is no term goes in its term form (see the
 * module's comment), so the signal is never lost.
 */
export function reasonFrame(
  out: Outbox,
  control: readonly unknown[],
  reason: unknown,
  inControl = false,
): void {
  const frame = (r: unknown): void => (inControl ? out.frame([...control, r]) : out.frame(control, r));
  try {
    frame(reason);
  } catch {
    frame(termForm(reason, 0));
  }
}

/** `value` with what is not a term replaced by a term that says what it was. */
export function termForm(value: unknown, depth: number): unknown {
  if (depth > 64) return Buffer.from(describe(value));
  const kind = termKind(value);
  switch (kind) {
    case 'tuple':
    case 'list': {
      const items = (value as unknown[]).map((v) => termForm(v, depth + 1));
      return kind === 'tuple' ? items : toList(items);
    }
    case 'error': {
      const e = value as Error;
      return [e.name, Buffer.from(e.message)];
    }
    case 'fun':
    case 'opaque':
    case 'symbol':
    case 'object':
      return Buffer.from(describe(value));
    case 'float':
      return typeof value !== 'number' || Number.isFinite(value) ? value : Buffer.from(String(value));
    default:
      return value;
  }
}

/**
 * The last message control tuple a connection received and its bytes: the next frame that starts
 * with the same bytes has the same control tuple (the external term format says where a term
 * ends), which is then compared, not decoded.
 */
export class ControlCache {
  bytes: Buffer | null = null;
  control: unknown[] = [];
}

/** The operations whose control tuples are cached: the messages. */
const messageOps: ReadonlySet<number> = new Set([
  Op.SEND,
  Op.SEND_SENDER,
  Op.REG_SEND,
  Op.ALIAS_SEND,
  Op.SEND_TT,
  Op.SEND_SENDER_TT,
  Op.REG_SEND_TT,
  Op.ALIAS_SEND_TT,
]);

/** From this size a binary of a received message is a view of its packet (decodeFrame's `owned`). */
const SHARE_FROM = 4096;

/**
 * Reads a frame: its control tuple, and its payload when the operation has one.
 * @param cache - the connection's: a message's control tuple like the last one is not decoded
 * @param owned - the frame's bytes are nobody else's and never change (a packet the channel
 *   read): large binaries of the payload are views of it rather than copies
 * @throws ErlangError badarg for a frame that is no pass-through frame of terms
 */
export function decodeFrame(frame: Buffer, cache?: ControlCache, owned = false): [unknown[], unknown] {
  if (frame[0] !== PASS_THROUGH) {
    throw new Error(`a frame starts with ${PASS_THROUGH} (pass-through), not ${String(frame[0])}`);
  }
  let control: unknown[];
  let at: number;
  const known = cache?.bytes ?? null;
  if (known !== null && startsWith(frame, 1, known)) {
    control = (cache as ControlCache).control;
    at = 1 + known.length;
  } else {
    const [c, end] = decodeExternalTerm(frame, 1, 'dist');
    if (!Array.isArray(c) || c.length === 0 || typeof c[0] !== 'number') {
      throw new Error(`a control message is a tuple with its operation first, got ${describe(c)}`);
    }
    control = c;
    at = end;
    if (cache !== undefined && messageOps.has(c[0])) {
      cache.bytes = Buffer.from(frame.subarray(1, end));
      cache.control = c;
    }
  }
  if (!withPayload.has(control[0] as number)) return [control, undefined];
  const [payload] = decodeExternalTerm(frame, at, 'dist', owned ? SHARE_FROM : Infinity);
  return [control, payload];
}

/** Whether `buf` holds `bytes` at `at`. */
function startsWith(buf: Buffer, at: number, bytes: Buffer): boolean {
  const n = bytes.length;
  if (buf.length - at < n) return false;
  for (let i = n - 1; i >= 0; i--) if (buf[at + i] !== bytes[i]) return false;
  return true;
}
