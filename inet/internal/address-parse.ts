/**
 * The address parsers of OTP 25's `inet_parse`, ported clause for clause over
 * an array of character codes.
 *
 * OTP parses by walking a char list and raising `badarg` on the first thing
 * it does not like; the public functions turn that into `{error, einval}`.
 * Here the list is an array-like of codes (see {@link toCodes}) and a
 * position into it, and a rejection throws the private {@link invalid} marker,
 * caught only by the public wrappers in `address.ts`. Every loop moves forward over the input and
 * every number field is bounded (at most 12 characters), so parsing is linear
 * in the input's length whatever it holds.
 *
 * Inputs are not always clean: an Erlang string is any list, so an element may
 * be a float, an atom or a tuple. {@link toCodes} maps such elements to `NaN`
 * (which, like an atom in Erlang's term order, is never a digit, a dot or a
 * colon) and keeps floats as they are, because OTP compares floats with
 * character codes too: `"fe80::1%0" ++ [49.5]` parses with scope id 1.5.
 *
 * @module
 */

/** What `erlang:error(badarg)` is inside `inet_parse`: the input is rejected. */
class Invalid {
  private constructor() {}
  static readonly marker = new Invalid();
}

/** The one rejection value; thrown without a stack, so rejecting is cheap. */
export const invalid = Invalid.marker;

/** Whether `e` is the parsers' rejection (and not a bug). */
export function isInvalid(e: unknown): boolean {
  return e === invalid;
}

function reject(): never {
  throw invalid;
}

const DOT = 0x2e;
const COLON = 0x3a;
const PERCENT = 0x25;
const ZERO = 0x30;
const NINE = 0x39;
const PLUS = 0x2b;
const MINUS = 0x2d;

/** An Erlang string's character codes, indexable like an array (`undefined` past the end). */
export type Codes = ArrayLike<number>;

/**
 * The character codes of an Erlang string, or `undefined` when `value` is not
 * a list at all (an atom, a number, a binary, ...). A JS string gives its code
 * points; an array (a `List` or a plain array standing for a list) gives its
 * elements, with numbers as themselves and every non-number as `NaN`. Typed
 * arrays keep the copy cheap, since OTP reads some inputs to their end.
 */
export function toCodes(value: unknown): Codes | undefined {
  if (typeof value === 'string') {
    const units = new Uint16Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdfff) return Uint32Array.from(value, (ch) => ch.codePointAt(0) ?? 0);
      units[i] = c;
    }
    return units;
  }
  if (Array.isArray(value)) {
    const items = value as readonly unknown[];
    const codes = new Float64Array(items.length);
    for (let i = 0; i < items.length; i++) {
      const e = items[i];
      codes[i] = typeof e === 'number' ? e : typeof e === 'bigint' ? Number(e) : NaN;
    }
    return codes;
  }
  return undefined;
}

/**
 * The value of a digit character in bases up to 36, or 36 (too big) for
 * anything else — including a float between two digit codes, which OTP's
 * range guards let through but `list_to_integer` refuses.
 */
function digitValue(c: number): number {
  if (!Number.isInteger(c)) return 36;
  if (c >= ZERO && c <= NINE) return c - ZERO;
  if (c >= 0x61 && c <= 0x7a) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x5a) return c - 0x41 + 10;
  return 36;
}

/**
 * `erlang:list_to_integer(Chars, Base)`: an optional `+`/`-` sign and at least
 * one digit of the base; anything else is `badarg`. Fields are short (at most
 * 12 characters), so the value is always a safe integer.
 */
function listToInteger(chars: readonly number[], base: number): number {
  let i = 0;
  let negative = false;
  if (chars[0] === PLUS || chars[0] === MINUS) {
    negative = chars[0] === MINUS;
    i = 1;
  }
  if (i >= chars.length) reject();
  let value = 0;
  for (; i < chars.length; i++) {
    const d = digitValue(chars[i] as number);
    if (d >= base) reject();
    value = value * base + d;
  }
  // 0 - 0 is +0: "-0" is the integer 0, never a JS -0.
  return negative ? 0 - value : value;
}

/**
 * `inet_parse:ipv4_field/4`: one dotted field of at most `n` characters,
 * collected onto `prefix` and read in `base`. Returns the field's value and
 * the position of what follows it (the end, or a dot).
 */
function ipv4Field(
  cs: Codes,
  start: number,
  n: number,
  prefix: readonly number[],
  base: number,
): [value: number, next: number] {
  const rs = [...prefix];
  let pos = start;
  for (;;) {
    if (pos === cs.length || cs[pos] === DOT) {
      const v = listToInteger(rs, base);
      if (v < 0) reject();
      return [v, pos];
    }
    // A leading zero is octal in the loose syntax and refused in the strict one.
    if (cs[pos] === ZERO && rs.length === 0) reject();
    if (n <= 0) reject();
    rs.push(cs[pos] as number);
    pos++;
    n--;
  }
}

/** The position after any run of `0` characters (`inet_parse:strip0/1`). */
function skipZeros(cs: Codes, pos: number): number {
  while (cs[pos] === ZERO) pos++;
  return pos;
}

/**
 * After a field that ended at `next`: the position of the following field,
 * `undefined` at the end of the input, or a rejection when a dot is the last
 * character or the field is followed by anything but a dot.
 */
function afterField(cs: Codes, next: number): number | undefined {
  if (next === cs.length) return undefined;
  if (cs[next] === DOT && next + 1 < cs.length) return next + 1;
  return reject();
}

/**
 * `inet_parse:ipv4_addr/1`: the loose IPv4 syntax of BSD's inet_aton — one to
 * four fields, each decimal, octal (leading `0`) or hex (`0x`), the last field
 * filling all the remaining low bytes ("127.1" is 127.0.0.1).
 */
export function ipv4Addr(cs: Codes): [number, number, number, number] {
  const ds: number[] = [];
  let pos: number | undefined = 0;
  while (pos !== undefined) {
    if (ds.length === 4) reject();
    let field: [number, number];
    if (cs[pos] === ZERO && (cs[pos + 1] === 0x78 || cs[pos + 1] === 0x58)) {
      field = ipv4Field(cs, skipZeros(cs, pos + 2), 8, [], 16);
    } else if (cs[pos] === ZERO) {
      field = ipv4Field(cs, skipZeros(cs, pos + 1), 11, [ZERO], 8);
    } else {
      field = ipv4Field(cs, pos, 10, [], 10);
    }
    ds.push(field[0]);
    pos = afterField(cs, field[1]);
  }
  const [a = 0, b = 0, c = 0, d = 0] = ds;
  switch (ds.length) {
    case 1:
      if (a < 2 ** 32)
        return [Math.floor(a / 2 ** 24), Math.floor(a / 2 ** 16) % 256, Math.floor(a / 256) % 256, a % 256];
      break;
    case 2:
      if (a < 256 && b < 2 ** 24) return [a, Math.floor(b / 2 ** 16), Math.floor(b / 256) % 256, b % 256];
      break;
    case 3:
      if (a < 256 && b < 256 && c < 2 ** 16) return [a, b, Math.floor(c / 256), c % 256];
      break;
    default:
      if (a < 256 && b < 256 && c < 256 && d < 256) return [a, b, c, d];
  }
  return reject();
}

/**
 * `inet_parse:ipv4strict_addr/1` from position `start`: exactly four decimal
 * fields of one to three characters, no leading zeros (but OTP lets a field
 * carry a sign: "+1.2.3.4" and "-0.0.0.0" are accepted).
 */
export function ipv4StrictAddr(cs: Codes, start = 0): [number, number, number, number] {
  const ds: number[] = [];
  let pos: number | undefined = start;
  while (pos !== undefined) {
    if (ds.length === 4) reject();
    if (cs[pos] === ZERO && pos + 1 === cs.length) {
      ds.push(0);
      break;
    }
    if (cs[pos] === ZERO && cs[pos + 1] === DOT) {
      // "0." is a field even when nothing follows the dot; the next round then rejects.
      ds.push(0);
      pos += 2;
      continue;
    }
    const [value, next] = ipv4Field(cs, pos, 3, [], 10);
    ds.push(value);
    pos = afterField(cs, next);
  }
  const [a = 0, b = 0, c = 0, d = 0] = ds;
  if (ds.length === 4 && a < 256 && b < 256 && c < 256 && d < 256) return [a, b, c, d];
  return reject();
}

function isHexDigit(c: number | undefined): boolean {
  return (
    c !== undefined && ((c >= ZERO && c <= NINE) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46))
  );
}

/** `inet_parse:hex/1`: the end of one to four hex digits starting at `pos`. */
function hexEnd(cs: Codes, pos: number): number {
  let end = pos;
  while (end - pos < 4 && isHexDigit(cs[end])) end++;
  if (end === pos) reject();
  return end;
}

/** `inet_parse:hex_to_int/1` over the digits `hexEnd` found (which may be floats in range: badarg). */
function hexValue(cs: Codes, start: number, end: number): number {
  let v = 0;
  for (let i = start; i < end; i++) {
    const d = digitValue(cs[i] as number);
    if (d >= 16) reject();
    v = v * 16 + d;
  }
  return v;
}

/** Whether `cs` holds the characters of `text` at `pos`. */
function startsWith(cs: Codes, pos: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (cs[pos + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** `inet_parse:ipv6_addr_done/3`: the groups before `::`, zeros for the gap, the groups after. */
function ipv6Done(before: readonly number[], after: readonly number[], n: number): number[] {
  return [...before, ...new Array<number>(8 - n).fill(0), ...after];
}

/** `inet_parse:ipv6_addr_done/4`: the same with an embedded IPv4 address as the last two groups. */
function ipv6DoneV4(
  before: readonly number[],
  after: readonly number[],
  n: number,
  v4: readonly number[],
): number[] {
  const [a = 0, b = 0, c = 0, d = 0] = v4;
  return ipv6Done(before, [...after, a * 256 + b, c * 256 + d], n + 2);
}

/**
 * `inet_parse:ipv6_addr_scope/5`: a `%scope` suffix from `pos` to the end. Only
 * link-local (fe80::) and link-scope multicast (ff02::) addresses may carry
 * one, and it lands in the second group, which must otherwise be zero. A scope
 * of the form `0<decimal>` is a numeric scope id; any other text (an interface
 * name such as "eth0") is scope 0, because OTP does not look interfaces up.
 */
function ipv6Scope(
  cs: Codes,
  pos: number,
  before: readonly number[],
  after: readonly number[],
  n: number,
): number[] {
  let scopeId = 0;
  if (cs[pos] === ZERO) {
    // inet_parse:dec16/1, with OTP's arithmetic, so a float code gives a float id.
    let id = 0;
    for (let i = pos + 1; i < cs.length; i++) {
      const c = cs[i] as number;
      if (!(c >= ZERO && c <= NINE)) reject();
      id = 10 * id + (c - ZERO);
      if (id > 65535) reject();
    }
    scopeId = id;
  }
  const [p] = before;
  if (before.length === 1 && n <= 7 && (p === 0xfe80 || p === 0xff02)) {
    return ipv6Done([p, scopeId], after, n + 1);
  }
  const groups = ipv6Done(before, after, n);
  if ((groups[0] === 0xfe80 || groups[0] === 0xff02) && groups[1] === 0) {
    groups[1] = scopeId;
    return groups;
  }
  return reject();
}

/**
 * `inet_parse:ipv6_addr/1`: RFC 4291 text — eight hex groups of one to four
 * digits, one `::` for a run of zero groups, an optional dotted IPv4 address
 * as the last 32 bits, and an optional `%scope` (see {@link ipv6Scope}).
 *
 * Two states, as in OTP: "before" collects groups until a `::` is seen,
 * "after" collects the groups that follow it; `n` counts the groups so far.
 */
export function ipv6Addr(cs: Codes): number[] {
  if (cs.length === 2 && startsWith(cs, 0, '::')) return ipv6Done([], [], 0);
  if (startsWith(cs, 0, '::')) return ipv6After(cs, 2, [], 0);
  const before: number[] = [];
  let pos = 0;
  for (let n = 0; ; n++) {
    const end = hexEnd(cs, pos);
    const rest = end === cs.length ? undefined : cs[end];
    if (rest === PERCENT && n === 7) {
      return ipv6Scope(cs, end + 1, [...before, hexValue(cs, pos, end)], [], 8);
    }
    if (rest === undefined && n === 7) return [...before, hexValue(cs, pos, end)];
    if (startsWith(cs, end, '::%') && n <= 6) {
      return ipv6Scope(cs, end + 3, [...before, hexValue(cs, pos, end)], [], n + 1);
    }
    if (end + 2 === cs.length && startsWith(cs, end, '::') && n <= 6) {
      return ipv6Done([...before, hexValue(cs, pos, end)], [], n + 1);
    }
    if (startsWith(cs, end, '::') && n <= 5) {
      before.push(hexValue(cs, pos, end));
      return ipv6After(cs, end + 2, before, n + 1);
    }
    if (rest === COLON && n <= 6) {
      before.push(hexValue(cs, pos, end));
      pos = end + 1;
      continue;
    }
    // The "hex digits" just read are the first field of a dotted IPv4 address.
    if (rest === DOT && n === 6) return ipv6DoneV4(before, [], n, ipv4StrictAddr(cs, pos));
    return reject();
  }
}

/** The "after `::`" state of {@link ipv6Addr}, from `pos`. */
function ipv6After(cs: Codes, pos: number, before: readonly number[], n: number): number[] {
  const after: number[] = [];
  for (; ; n++) {
    const end = hexEnd(cs, pos);
    const rest = end === cs.length ? undefined : cs[end];
    if (rest === PERCENT && n <= 6)
      return ipv6Scope(cs, end + 1, before, [...after, hexValue(cs, pos, end)], n + 1);
    if (rest === undefined && n <= 6) return ipv6Done(before, [...after, hexValue(cs, pos, end)], n + 1);
    if (rest === COLON && n <= 5) {
      after.push(hexValue(cs, pos, end));
      pos = end + 1;
      continue;
    }
    if (rest === DOT && n <= 5) return ipv6DoneV4(before, after, n, ipv4StrictAddr(cs, pos));
    return reject();
  }
}
