/**
 * The external term format, for the distribution and the BIFs.
 *
 * The distribution writes each message to a connection's writer, and reads messages where they
 * stand in what arrived:
 *
 *   const w = new TermWriter();
 *   w.u8(112);                                   // pass-through
 *   encodeExternalTerm(w, control, distEncoding, 'erlang:send/2');
 *   encodeExternalTerm(w, message, distEncoding, 'erlang:send/2');
 *   socket.write(w.take());
 *
 *   let [control, at] = decodeExternalTerm(packet, 1, 'dist');
 *   let [message] = decodeExternalTerm(packet, at, 'dist');
 *
 * Both raise ErlangError badarg naming `fn`; a failed encode leaves the writer as it was.
 */
import { VERSION_MAGIC } from './tags.js';
import { encodeTerm, type EncodeOptions } from './encoder.js';
import type { TermWriter } from './term-writer.js';

export { TermWriter } from './term-writer.js';
export {
  encodeTerm,
  distEncoding,
  minorVersion0,
  minorVersion1,
  minorVersion2,
  type EncodeOptions,
} from './encoder.js';
export { decodeTerm, decodeExternalTerm } from './decoder.js';
export * as tags from './tags.js';

/**
 * Writes the version byte 131 and then `term` at the end of `w`.
 * @param w - where to write
 * @param term - any term
 * @param options - atom and float encodings: distEncoding for the distribution
 * @param fn - the Erlang function a badarg names
 */
export function encodeExternalTerm(w: TermWriter, term: unknown, options: EncodeOptions, fn: string): void {
  const start = w.length;
  w.u8(VERSION_MAGIC);
  try {
    encodeTerm(w, term, options, fn);
  } catch (e) {
    w.length = start;
    throw e;
  }
}
