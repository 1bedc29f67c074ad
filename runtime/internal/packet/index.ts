/**
 * Packet framing and parsing (`erlang:decode_packet/3`, gen_tcp's `{packet, T}`):
 * pure functions and classes over Buffers, no Node I/O.
 */
export { decode_packet, type DecodeResult } from './decode-packet.js';
export { PacketDecoder, type PacketError } from './packet-decoder.js';
export type { Packet, SslTlsPacket } from './packet-body.js';
export type { HttpPacket, HttpString, HttpUri } from './http-parser.js';
export type { DecodeOption, PacketLimits, PacketTypeName } from './packet-type.js';
