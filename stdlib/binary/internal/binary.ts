/**
 * OTP 25's binary module over Buffers (any Uint8Array is a binary; results are Buffers). Every
 * bad argument raises `badarg`, as OTP's BIFs do, with a message that names it.
 */
import { List } from 'erlts';
import { describe, termKind, toList } from '../../../runtime/internal/library-api.js';
import {
  CompiledPattern,
  badarg,
  bytes,
  isBinary,
  isListArg,
  matchIn,
  matchesIn,
  options,
  pattern,
  range,
  scope,
} from './search.js';

/** `{Pos, Length}`: a part of a binary; a negative length reaches back from `Pos`. */
export type part = [number, number];

/** A pattern: a binary, a list of binaries, or a compiled pattern. */
export type pattern = Uint8Array | readonly Uint8Array[] | CompiledPattern;

/** `big` or `little`. */
export type endianness = 'big' | 'little';

/**
 * The byte at a position, counting from 0.
 * @param Subject - a binary
 * @param Pos - a position in it
 * @returns the byte, 0..255
 * @example
 * // $b = binary:at(<<"abc">>, 1)
 * binary.at(Buffer.from('abc'), 1); // 98
 * @see https://www.erlang.org/doc/man/binary.html#at-2
 */
export function at(Subject: Uint8Array, Pos: number): number {
  const b = bytes('at/2', Subject);
  if (typeof Pos !== 'number' || !Number.isSafeInteger(Pos) || Pos < 0 || Pos >= b.length) {
    badarg('at/2', `Pos is not a position in ${b.length} bytes: ${describe(Pos)}`);
  }
  return b[Pos] as number;
}

/**
 * The first byte.
 * @param Subject - a non-empty binary
 * @returns the byte
 * @example
 * // $a = binary:first(<<"abc">>)
 * binary.first(Buffer.from('abc')); // 97
 * @see https://www.erlang.org/doc/man/binary.html#first-1
 */
export function first(Subject: Uint8Array): number {
  const b = bytes('first/1', Subject);
  if (b.length === 0) badarg('first/1', 'the binary is empty');
  return b[0] as number;
}

/**
 * The last byte.
 * @param Subject - a non-empty binary
 * @returns the byte
 * @example
 * // $c = binary:last(<<"abc">>)
 * binary.last(Buffer.from('abc')); // 99
 * @see https://www.erlang.org/doc/man/binary.html#last-1
 */
export function last(Subject: Uint8Array): number {
  const b = bytes('last/1', Subject);
  if (b.length === 0) badarg('last/1', 'the binary is empty');
  return b[b.length - 1] as number;
}

function posLen(fn: string, b: Buffer, args: readonly unknown[]): [number, number] {
  if (args.length === 1) return scope(fn, args[0], b.length);
  const r = range(args[0], args[1], b.length);
  if (r === null)
    badarg(fn, `not a Pos, Len within ${b.length} bytes: ${describe(args[0])}, ${describe(args[1])}`);
  return r;
}

/**
 * The bytes of a binary, or of a part of it, as a list.
 * @param Subject - a binary
 * @param PosLen - `{Pos, Len}`, or `Pos` then `Len` as two arguments; the whole binary when left out
 * @returns the list of bytes
 * @example
 * // "bc" = binary:bin_to_list(<<"abcd">>, {1, 2})
 * binary.bin_to_list(Buffer.from('abcd'), [1, 2]); // list(98, 99)
 * @see https://www.erlang.org/doc/man/binary.html#bin_to_list-3
 */
export function bin_to_list(Subject: Uint8Array, ...PosLen: [] | [part] | [number, number]): List<number> {
  const fn = `bin_to_list/${1 + PosLen.length}`;
  const b = bytes(fn, Subject);
  const [s, e] = PosLen.length === 0 ? [0, b.length] : posLen(fn, b, PosLen);
  return toList(b.subarray(s, e));
}

/**
 * A part of a binary.
 * @param Subject - a binary
 * @param PosLen - `{Pos, Len}`, or `Pos` then `Len` as two arguments; a negative `Len` takes
 *   the bytes before `Pos`
 * @returns the part, a Buffer sharing the subject's memory as OTP's sub-binaries do
 * @example
 * // <<"cd">> = binary:part(<<"abcd">>, {4, -2})
 * binary.part(Buffer.from('abcd'), [4, -2]); // Buffer 'cd'
 * @see https://www.erlang.org/doc/man/binary.html#part-3
 */
export function part(Subject: Uint8Array, ...PosLen: [part] | [number, number]): Buffer {
  const fn = `part/${1 + PosLen.length}`;
  const b = bytes(fn, Subject);
  const [s, e] = posLen(fn, b, PosLen);
  return b.subarray(s, e);
}

/**
 * A binary repeated.
 * @param Subject - a binary
 * @param N - how many copies (1 when left out: a fresh copy of the bytes)
 * @returns a new binary
 * @example
 * // <<"ababab">> = binary:copy(<<"ab">>, 3)
 * binary.copy(Buffer.from('ab'), 3); // Buffer 'ababab'
 * @see https://www.erlang.org/doc/man/binary.html#copy-2
 */
export function copy(Subject: Uint8Array, N: number = 1): Buffer {
  const fn = `copy/${arguments.length === 1 ? 1 : 2}`;
  const b = bytes(fn, Subject);
  if (typeof N !== 'number' || !Number.isSafeInteger(N) || N < 0) {
    badarg(fn, `N is not a non-negative integer: ${describe(N)}`);
  }
  const out = Buffer.alloc(b.length * N);
  for (let i = 0; i < N; i++) b.copy(out, i * b.length);
  return out;
}

function endian(fn: string, value: unknown): endianness {
  if (value === 'big' || value === 'little') return value;
  return badarg(fn, `Endianness must be big or little: ${describe(value)}`);
}

/**
 * The unsigned integer a binary encodes.
 * @param Subject - a binary
 * @param Endianness - `big` (the default) or `little`
 * @returns the integer (a bigint past 2^53)
 * @example
 * // 256 = binary:decode_unsigned(<<1, 0>>)
 * binary.decode_unsigned(Buffer.from([1, 0])); // 256
 * @see https://www.erlang.org/doc/man/binary.html#decode_unsigned-2
 */
export function decode_unsigned(Subject: Uint8Array, Endianness: endianness = 'big'): number | bigint {
  const fn = `decode_unsigned/${arguments.length === 1 ? 1 : 2}`;
  const b = bytes(fn, Subject);
  const order = endian(fn, Endianness);
  const hex = Buffer.from(order === 'big' ? b : Buffer.from(b).reverse()).toString('hex');
  const n = hex.length === 0 ? 0n : BigInt(`0x${hex}`);
  return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
}

/**
 * The shortest binary that encodes an unsigned integer.
 * @param Unsigned - a non-negative integer (a number or a bigint)
 * @param Endianness - `big` (the default) or `little`
 * @returns the binary (`<<0>>` for 0)
 * @example
 * // <<1, 0>> = binary:encode_unsigned(256)
 * binary.encode_unsigned(256); // Buffer [1, 0]
 * @see https://www.erlang.org/doc/man/binary.html#encode_unsigned-2
 */
export function encode_unsigned(Unsigned: number | bigint, Endianness: endianness = 'big'): Buffer {
  const fn = `encode_unsigned/${arguments.length === 1 ? 1 : 2}`;
  if (termKind(Unsigned) !== 'integer' || Unsigned < 0) {
    badarg(fn, `Unsigned is not a non-negative integer: ${describe(Unsigned)}`);
  }
  const order = endian(fn, Endianness);
  let hex = BigInt(Unsigned).toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  const out = Buffer.from(hex, 'hex');
  return order === 'big' ? out : out.reverse();
}

/**
 * A binary of iodata: bytes, binaries, and lists of them nested.
 * @param ByteList - a list of bytes (0..255), binaries and nested lists; a JS string in it
 *   stands for its UTF-8 bytes, as everywhere erlts takes iodata
 * @returns the binary
 * @example
 * // <<1, 2, 3, 4>> = binary:list_to_bin([1, <<2>>, [3, [4]]])
 * binary.list_to_bin(list(1, Buffer.from([2]), list(3, list(4)))); // Buffer [1, 2, 3, 4]
 * @see https://www.erlang.org/doc/man/binary.html#list_to_bin-1
 */
export function list_to_bin(ByteList: readonly unknown[] | string): Buffer {
  if (typeof ByteList === 'string') return Buffer.from(ByteList, 'utf8');
  if (!isListArg(ByteList)) badarg('list_to_bin/1', `not a list: ${describe(ByteList)}`);
  const parts: Buffer[] = [];
  let run: number[] = [];
  const flush = (): void => {
    if (run.length > 0) parts.push(Buffer.from(run));
    run = [];
  };
  // Depth first with a stack of its own: nesting however deep cannot run the JS stack out.
  const path = new Set<readonly unknown[]>([ByteList]);
  const stack: { list: readonly unknown[]; next: number }[] = [{ list: ByteList, next: 0 }];
  for (;;) {
    const top = stack[stack.length - 1];
    if (top === undefined) break;
    if (top.next === top.list.length) {
      stack.pop();
      path.delete(top.list);
      continue;
    }
    const item: unknown = top.list[top.next++];
    if (typeof item === 'number' && Number.isInteger(item) && item >= 0 && item <= 255) {
      run.push(item);
      continue;
    }
    flush();
    if (isBinary(item)) parts.push(bytes('list_to_bin/1', item));
    else if (typeof item === 'string') parts.push(Buffer.from(item, 'utf8'));
    else if (isListArg(item) && !path.has(item)) {
      path.add(item);
      stack.push({ list: item, next: 0 });
    } else badarg('list_to_bin/1', `not a byte, a binary or a list: ${describe(item)}`);
  }
  flush();
  return Buffer.concat(parts);
}

function binaries(fn: string, value: unknown): Buffer[] {
  if (!isListArg(value) || value.length === 0) {
    badarg(fn, `not a non-empty list of binaries: ${describe(value)}`);
  }
  return value.map((b) => bytes(fn, b, 'an element'));
}

/**
 * The length of the longest prefix all the binaries share.
 * @param Binaries - a non-empty list of binaries
 * @returns a length in bytes
 * @example
 * // 2 = binary:longest_common_prefix([<<"erlang">>, <<"ergonomy">>])
 * binary.longest_common_prefix(list(Buffer.from('erlang'), Buffer.from('ergonomy'))); // 2
 * @see https://www.erlang.org/doc/man/binary.html#longest_common_prefix-1
 */
export function longest_common_prefix(Binaries: readonly Uint8Array[]): number {
  const bs = binaries('longest_common_prefix/1', Binaries);
  const min = Math.min(...bs.map((b) => b.length));
  let n = 0;
  while (n < min && bs.every((b) => b[n] === (bs[0] as Buffer)[n])) n++;
  return n;
}

/**
 * The length of the longest suffix all the binaries share.
 * @param Binaries - a non-empty list of binaries
 * @returns a length in bytes
 * @example
 * // 3 = binary:longest_common_suffix([<<"erlang">>, <<"fang">>])
 * binary.longest_common_suffix(list(Buffer.from('erlang'), Buffer.from('fang'))); // 3
 * @see https://www.erlang.org/doc/man/binary.html#longest_common_suffix-1
 */
export function longest_common_suffix(Binaries: readonly Uint8Array[]): number {
  const bs = binaries('longest_common_suffix/1', Binaries);
  const min = Math.min(...bs.map((b) => b.length));
  const back = (b: Buffer, n: number): number | undefined => b[b.length - 1 - n];
  let n = 0;
  while (n < min && bs.every((b) => back(b, n) === back(bs[0] as Buffer, n))) n++;
  return n;
}

/**
 * The size of the memory a binary keeps alive: for a Buffer, its whole ArrayBuffer, which a
 * slice shares with what it was cut from (and which Node pools for small Buffers).
 * @param Binary - a binary
 * @returns a size in bytes
 * @example
 * // Big = binary:copy(<<1>>, 1000), 1000 = binary:referenced_byte_size(binary:part(Big, 0, 10))
 * const Big = binary.copy(Buffer.from([1]), 1000);
 * binary.referenced_byte_size(binary.part(Big, 0, 10)); // 1000
 * @see https://www.erlang.org/doc/man/binary.html#referenced_byte_size-1
 */
export function referenced_byte_size(Binary: Uint8Array): number {
  return bytes('referenced_byte_size/1', Binary, 'Binary').buffer.byteLength;
}

/**
 * A binary's bytes in hexadecimal, upper case (OTP 25 has no lower case option).
 * @param Bin - a binary
 * @returns the hex digits, as a binary
 * @example
 * // <<"66">> = binary:encode_hex(<<"f">>)
 * binary.encode_hex(Buffer.from('f')); // Buffer '66'
 * @see https://www.erlang.org/doc/man/binary.html#encode_hex-1
 */
export function encode_hex(Bin: Uint8Array): Buffer {
  return Buffer.from(bytes('encode_hex/1', Bin, 'Bin').toString('hex').toUpperCase(), 'latin1');
}

const hexDigits = /^(?:[0-9a-fA-F]{2})*$/;

/**
 * The bytes that hexadecimal digits spell.
 * @param Bin - a binary of an even number of hex digits, either case
 * @returns the bytes
 * @example
 * // <<"f">> = binary:decode_hex(<<"66">>)
 * binary.decode_hex(Buffer.from('66')); // Buffer 'f'
 * @see https://www.erlang.org/doc/man/binary.html#decode_hex-1
 */
export function decode_hex(Bin: Uint8Array): Buffer {
  const text = bytes('decode_hex/1', Bin, 'Bin').toString('latin1');
  if (!hexDigits.test(text)) badarg('decode_hex/1', `not an even number of hex digits: ${describe(Bin)}`);
  return Buffer.from(text, 'hex');
}

/**
 * Compiles a pattern for many searches.
 * @param Pattern - a non-empty binary, or a non-empty list of them
 * @returns an opaque compiled pattern, for match, matches, split and replace
 * @example
 * // P = binary:compile_pattern([<<",">>, <<";">>])
 * const P = binary.compile_pattern(list(Buffer.from(','), Buffer.from(';')));
 * @see https://www.erlang.org/doc/man/binary.html#compile_pattern-1
 */
export function compile_pattern(Pattern: Uint8Array | readonly Uint8Array[]): CompiledPattern {
  if (Pattern instanceof CompiledPattern) badarg('compile_pattern/1', 'the pattern is compiled already');
  return pattern('compile_pattern/1', Pattern);
}

/**
 * The first match of a pattern: where it starts and how long it is. Of patterns that match at
 * the same position, the longest.
 * @param Subject - a binary
 * @param Pattern - a binary, a list of binaries, or a compiled pattern
 * @param Options - `[{scope, {Start, Length}}]` to search part of the subject
 * @returns `{Pos, Length}`, or `nomatch`
 * @example
 * // {1, 4} = binary:match(<<"abcde">>, [<<"bcde">>, <<"cd">>], [])
 * binary.match(Buffer.from('abcde'), list(Buffer.from('bcde'), Buffer.from('cd')), list()); // [1, 4]
 * @see https://www.erlang.org/doc/man/binary.html#match-3
 */
export function match(
  Subject: Uint8Array,
  Pattern: pattern,
  Options: readonly unknown[] = [],
): part | 'nomatch' {
  const fn = `match/${arguments.length >= 3 ? 3 : 2}`;
  const b = bytes(fn, Subject);
  const p = pattern(fn, Pattern);
  const o = options(fn, Options, b.length, ['scope']);
  return matchIn(b, p, o.start, o.end) ?? 'nomatch';
}

/**
 * Every match of a pattern, from the left, none overlapping.
 * @param Subject - a binary
 * @param Pattern - a binary, a list of binaries, or a compiled pattern
 * @param Options - `[{scope, {Start, Length}}]` to search part of the subject
 * @returns the list of `{Pos, Length}`
 * @example
 * // [{1, 4}] = binary:matches(<<"abcde">>, [<<"bcde">>, <<"bc">>, <<"de">>], [])
 * binary.matches(Buffer.from('abcde'), list(Buffer.from('bcde'), Buffer.from('bc'), Buffer.from('de'))); // list([1, 4])
 * @see https://www.erlang.org/doc/man/binary.html#matches-3
 */
export function matches(Subject: Uint8Array, Pattern: pattern, Options: readonly unknown[] = []): List<part> {
  const fn = `matches/${arguments.length >= 3 ? 3 : 2}`;
  const b = bytes(fn, Subject);
  const p = pattern(fn, Pattern);
  const o = options(fn, Options, b.length, ['scope']);
  return toList(matchesIn(b, p, o.start, o.end));
}

/**
 * Splits a binary where a pattern matches: at the first match, or at every one (`global`).
 * @param Subject - a binary
 * @param Pattern - a binary, a list of binaries, or a compiled pattern
 * @param Options - `global`; `trim` to drop the empty parts at the end; `trim_all` to drop every
 *   empty part; `{scope, {Start, Length}}` to split only where a match falls in that part
 * @returns the list of parts, Buffers sharing the subject's memory
 * @example
 * // [<<"a">>, <<"b">>, <<"c">>] = binary:split(<<"a,b,c">>, <<",">>, [global])
 * binary.split(Buffer.from('a,b,c'), Buffer.from(','), list('global')); // list(Buffer 'a', Buffer 'b', Buffer 'c')
 * @see https://www.erlang.org/doc/man/binary.html#split-3
 */
export function split(Subject: Uint8Array, Pattern: pattern, Options: readonly unknown[] = []): List<Buffer> {
  const fn = `split/${arguments.length >= 3 ? 3 : 2}`;
  const b = bytes(fn, Subject);
  const p = pattern(fn, Pattern);
  const o = options(fn, Options, b.length, ['scope', 'global', 'trim', 'trim_all']);
  const found = o.global ? matchesIn(b, p, o.start, o.end) : [matchIn(b, p, o.start, o.end)];
  let parts: Buffer[] = [];
  let from = 0;
  for (const m of found) {
    if (m === null) continue;
    parts.push(b.subarray(from, m[0]));
    from = m[0] + m[1];
  }
  parts.push(b.subarray(from));
  if (o.trimAll) parts = parts.filter((x) => x.length > 0);
  else if (o.trim) while (parts.length > 0 && (parts[parts.length - 1] as Buffer).length === 0) parts.pop();
  return toList(parts);
}

/**
 * Replaces the first match of a pattern (every match with `global`) with a replacement.
 * @param Subject - a binary
 * @param Pattern - a binary, a list of binaries, or a compiled pattern
 * @param Replacement - a binary
 * @param Options - `global`; `{scope, {Start, Length}}`; `{insert_replaced, Pos}` (or a list of
 *   positions) to put the matched part into the replacement at those byte positions
 * @returns the new binary
 * @example
 * // <<"a[b]c">> = binary:replace(<<"abc">>, <<"b">>, <<"[]">>, [{insert_replaced, 1}])
 * binary.replace(Buffer.from('abc'), Buffer.from('b'), Buffer.from('[]'), list(['insert_replaced', 1])); // Buffer 'a[b]c'
 * @see https://www.erlang.org/doc/man/binary.html#replace-4
 */
export function replace(
  Subject: Uint8Array,
  Pattern: pattern,
  Replacement: Uint8Array,
  Options: readonly unknown[] = [],
): Buffer {
  const fn = `replace/${arguments.length >= 4 ? 4 : 3}`;
  const b = bytes(fn, Subject);
  const p = pattern(fn, Pattern);
  const r = bytes(fn, Replacement, 'Replacement');
  const o = options(fn, Options, b.length, ['scope', 'global', 'insert_replaced']);
  const tooFar = o.insert.find((i) => i > r.length);
  if (tooFar !== undefined) badarg(fn, `insert_replaced ${tooFar} is past the end of the replacement`);
  const found = o.global ? matchesIn(b, p, o.start, o.end) : [matchIn(b, p, o.start, o.end)];
  const out: Buffer[] = [];
  let from = 0;
  for (const m of found) {
    if (m === null) continue;
    out.push(b.subarray(from, m[0]));
    const matched = b.subarray(m[0], m[0] + m[1]);
    let cut = 0;
    for (const i of o.insert) {
      out.push(r.subarray(cut, i), matched);
      cut = i;
    }
    out.push(r.subarray(cut));
    from = m[0] + m[1];
  }
  out.push(b.subarray(from));
  return Buffer.concat(out);
}

export { CompiledPattern };
