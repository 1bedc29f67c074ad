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
import { withPayload } from './control.js';

/** The pass-through header byte. */
const PASS_THROUGH = 112;

const writer = new TermWriter(1 << 16);

/**
 * One frame: the control tuple and, for the operations that take one, the message.
 * @param control - the control tuple, its operation first
 * @param payload - the message, exit reason or argument list, when the operation has one
 * @returns the frame's bytes (without the channel's length header)
 * @throws ErlangError badarg when the message is not a term
 */
export function encodeFrame(control: readonly unknown[], ...payload: [] | [unknown]): Buffer {
  const w = writer;
  w.reset();
  w.u8(PASS_THROUGH);
  encodeExternalTerm(w, control, distEncoding, 'erlang:send/2');
  if (payload.length === 1) encodeExternalTerm(w, payload[0], distEncoding, 'erlang:send/2');
  return w.take();
}

/**
 * A frame carrying an exit reason: after the control tuple (the PAYLOAD_ operations), or with
 * `inControl` as the control tuple's last element (the old EXIT, EXIT2, MONITOR_P_EXIT, for a
 * peer without DFLAG_EXIT_PAYLOAD). A reason that is no term goes in its term form (see the
 * module's comment), so the signal is never lost.
 */
export function encodeReasonFrame(control: readonly unknown[], reason: unknown, inControl = false): Buffer {
  const frame = (r: unknown): Buffer => (inControl ? encodeFrame([...control, r]) : encodeFrame(control, r));
  try {
    return frame(reason);
  } catch {
    return frame(termForm(reason, 0));
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
 * Reads a frame: its control tuple, and its payload when the operation has one.
 * @throws ErlangError badarg for a frame that is no pass-through frame of terms
 */
export function decodeFrame(frame: Buffer): [unknown[], unknown] {
  if (frame[0] !== PASS_THROUGH) {
    throw new Error(`a frame starts with ${PASS_THROUGH} (pass-through), not ${String(frame[0])}`);
  }
  const [control, at] = decodeExternalTerm(frame, 1, 'dist');
  if (!Array.isArray(control) || control.length === 0 || typeof control[0] !== 'number') {
    throw new Error(`a control message is a tuple with its operation first, got ${describe(control)}`);
  }
  if (!withPayload.has(control[0])) return [control, undefined];
  const [payload] = decodeExternalTerm(frame, at, 'dist');
  return [control, payload];
}
