/**
 * erlts/string — OTP 25's `string` module: text as grapheme clusters, in whatever form the
 * caller holds it. A JS string (Erlang's string literal) gives JS strings back, a binary
 * (UTF-8) gives binaries, a list of code points gives lists, as OTP keeps a binary a binary.
 * The old list-only functions that OTP 25 keeps for compatibility (`tokens`, `substr`, `str`,
 * `to_upper`, ...) are not ported: they are obsolete in OTP's own documentation.
 *
 * @example
 * import * as string from 'erlts/string';
 * string.lexemes('abc de̊f', ' '); // list('abc', 'de̊f')
 */
export {
  casefold,
  chomp,
  equal,
  find,
  is_empty,
  length,
  lexemes,
  lowercase,
  next_codepoint,
  next_grapheme,
  nth_lexeme,
  pad,
  prefix,
  replace,
  reverse,
  slice,
  split,
  take,
  titlecase,
  to_float,
  to_graphemes,
  to_integer,
  trim,
  uppercase,
  type chardata,
  type grapheme_cluster,
  type direction,
  type Like,
  type GraphemeOf,
} from './internal/string.js';
