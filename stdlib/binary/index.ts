/**
 * erlts/binary — OTP 25's `binary` module: searching, splitting, replacing and cutting
 * binaries, and converting them to and from lists, integers and hex. A binary is a Buffer (any
 * Uint8Array is accepted); bad arguments raise `badarg`, as OTP's BIFs do.
 *
 * @example
 * import * as binary from 'erlts/binary';
 * binary.split(Buffer.from('a,b,c'), Buffer.from(','), ['global']); // list(<a>, <b>, <c>)
 */
export {
  at,
  bin_to_list,
  compile_pattern,
  copy,
  decode_hex,
  decode_unsigned,
  encode_hex,
  encode_unsigned,
  first,
  last,
  list_to_bin,
  longest_common_prefix,
  longest_common_suffix,
  match,
  matches,
  part,
  referenced_byte_size,
  replace,
  split,
  CompiledPattern,
  type pattern,
  type endianness,
} from './internal/binary.js';
