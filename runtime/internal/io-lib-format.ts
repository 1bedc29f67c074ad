/**
 * io_lib:format/2, ported from OTP 25's io_lib_format.erl.
 *
 * A format is scanned into literal characters and control sequences
 * `~F.P.PadModC` (field width, precision, pad character, modifiers `t`/`l`,
 * control character), each taking its arguments; then every sequence is
 * rendered. The current column is tracked while rendering because `~p` indents
 * continuation lines relative to where it starts.
 *
 * Where JavaScript cannot say what Erlang says, erlts chooses:
 * - `~e`, `~f`, `~g` accept any finite number, since JS has no float `1.0`
 *   distinct from the integer `1` (OTP raises badarg for an integer);
 * - a JS string given to `~s`, also inside a deep list, stands for its
 *   characters (OTP accepts an atom only at the top);
 * - a pad character taken by `*` must be a character code.
 * Every bad format or argument raises `ErlangError('badarg')` whose message
 * names the control sequence and the value, as OTP raises `badarg`.
 */

import { describe, ErlangError } from './errors.js';
import { charsLength, graphemes, type Encoding } from './io-lib-chars.js';
import { floatE, floatF } from './io-lib-float.js';
import { printTerm } from './io-lib-pretty.js';
import { CyclicValue, writeTerm } from './io-lib-write.js';
import { atomText, is_atom, is_binary, is_integer, is_list, is_tuple, termKind } from './terms.js';

type Adjust = 'left' | 'right';

/** One scanned control sequence (OTP's format_spec()). */
interface Spec {
  readonly control: string;
  readonly args: unknown[];
  readonly width: number | null;
  readonly adjust: Adjust;
  readonly precision: number | null;
  readonly pad: unknown;
  readonly encoding: Encoding;
  readonly strings: boolean;
}

/** Arguments each control character takes. */
const arity: Record<string, number> = {
  w: 1,
  p: 1,
  W: 2,
  P: 2,
  s: 1,
  e: 1,
  f: 1,
  g: 1,
  b: 1,
  B: 1,
  x: 2,
  X: 2,
  '+': 1,
  '#': 1,
  c: 1,
  '~': 0,
  n: 0,
  i: 1,
};

function badarg(message: string, cause?: unknown): never {
  throw new ErlangError('badarg', `io_lib.format: ${message}`, cause === undefined ? undefined : { cause });
}

/**
 * Formats `args` by the control sequences of `fmt`, as `io_lib:format/2` does.
 * @param fmt - the format, e.g. `'~p: ~s~n'`
 * @param args - one value per argument the controls take (DESIGN §2 terms)
 * @returns the formatted characters as a string
 * @throws ErlangError `badarg` when the format or an argument is bad
 * @example
 * // io_lib:format("~w ~5.2f~n", [{ok, [1,2]}, 3.14159]) -> "{ok,[1,2]}  3.14\n"
 * format('~w ~5.2f~n', [['ok', list(1, 2)], 3.14159])
 * @see https://www.erlang.org/doc/man/io.html#format-2
 */
export function format(fmt: string, args: readonly unknown[]): string {
  if (typeof fmt !== 'string') badarg(`the format must be a string, got ${describe(fmt)}`);
  const kind = termKind(args);
  if (kind !== 'list' && kind !== 'tuple') badarg(`the arguments must be a list, got ${describe(args)}`);
  const items = readArgs(args, () => scan(fmt, args));
  let remainingPs = 0;
  for (const item of items)
    if (typeof item !== 'string' && (item.control === 'p' || item.control === 'P')) remainingPs++;
  let out = '';
  let column = 0;
  for (const item of items) {
    let text: string;
    if (typeof item === 'string') {
      text = item;
    } else {
      const spec = item;
      text = readArgs(spec.args, () => control(spec, column), `~${spec.control}: `);
      if (item.control === 'p' || item.control === 'P') remainingPs--;
    }
    out += text;
    // Only a later ~p reads the column, so stop counting once none is left.
    if (remainingPs > 0) column = indentation(text, column);
  }
  return out;
}

/**
 * Runs `render`, which reads the user's values, turning what such a read can
 * throw into badarg: a value that contains itself, or a getter or Proxy trap
 * that raises. Erlang errors and the stack running out pass through.
 */
function readArgs<T>(args: readonly unknown[], render: () => T, where = ''): T {
  try {
    return render();
  } catch (e) {
    if (ErlangError.is(e) || e instanceof RangeError) throw e;
    if (e instanceof CyclicValue) {
      return badarg(`${where}the argument contains itself, which no term can: ${describe(e.value)}`);
    }
    // The user's own exception stays as the cause.
    return badarg(`${where}reading the arguments ${describe(args)} raised ${describe(e)}`, e);
  }
}

/** Marks `x` as being walked; meeting it again inside itself is a cycle. */
function enter(path: Set<object>, x: object): void {
  if (path.has(x)) throw new CyclicValue(x);
  path.add(x);
}

/** io_lib_format:indentation/2: the column after writing `s` from `column`. */
function indentation(s: string, column: number): number {
  let col = column;
  for (const ch of s) {
    if (ch === '\n') col = 0;
    else if (ch === '\t') col = Math.trunc((col + 8) / 8) * 8;
    else col++;
  }
  return col;
}

// ---------------------------------------------------------------------------
// Scanning

function scan(fmt: string, args: readonly unknown[]): (string | Spec)[] {
  const cs = Array.from(fmt);
  const items: (string | Spec)[] = [];
  let literal = '';
  let i = 0;
  let a = 0;
  const nextArg = (what: string): unknown => {
    if (a >= args.length)
      badarg(`too few arguments: ${what} needs an argument (format ${JSON.stringify(fmt)})`);
    return args[a++];
  };
  while (i < cs.length) {
    const ch = cs[i++] as string;
    if (ch !== '~') {
      literal += ch;
      continue;
    }
    if (literal !== '') {
      items.push(literal);
      literal = '';
    }
    // Field width, possibly negative (left adjusted) or taken from the arguments.
    const fieldValue = (): number | null => {
      if (cs[i] === '*') {
        const v = args[a];
        if (a < args.length && is_integer(v)) {
          i++;
          a++;
          return Number(v);
        }
        return null;
      }
      let n: number | null = null;
      while (i < cs.length && /[0-9]/.test(cs[i] as string)) n = (n ?? 0) * 10 + Number(cs[i++]);
      return n;
    };
    let width: number | null;
    let adjust: Adjust = 'right';
    if (cs[i] === '-') {
      i++;
      const f = fieldValue();
      if (f === null) badarg(`"~-" must be followed by a field width in ${JSON.stringify(fmt)}`);
      width = -f;
    } else {
      width = fieldValue();
    }
    if (width !== null && width < 0) {
      width = -width;
      adjust = 'left';
    }
    let precision: number | null = null;
    if (cs[i] === '.') {
      i++;
      precision = fieldValue();
    }
    let pad: unknown = 32;
    if (cs[i] === '.' && i + 1 < cs.length) {
      if (cs[i + 1] === '*') {
        i += 2;
        pad = nextArg('the pad character "*"');
      } else {
        pad = (cs[i + 1] as string).codePointAt(0);
        i += 2;
      }
    }
    let encoding: Encoding = 'latin1';
    let strings = true;
    for (;;) {
      if (cs[i] === 't') encoding = 'unicode';
      else if (cs[i] === 'l') strings = false;
      else break;
      i++;
    }
    const c = cs[i++];
    if (c === undefined) badarg(`the format ${JSON.stringify(fmt)} ends inside a control sequence`);
    const n = arity[c];
    if (n === undefined) badarg(`unknown control sequence ~${c} in ${JSON.stringify(fmt)}`);
    const specArgs: unknown[] = [];
    for (let k = 0; k < n; k++) specArgs.push(nextArg(`~${c}`));
    items.push({ control: c, args: specArgs, width, adjust, precision, pad, encoding, strings });
  }
  if (literal !== '') items.push(literal);
  if (a < args.length) {
    badarg(`too many arguments: ${args.length - a} left over after the format ${JSON.stringify(fmt)}`);
  }
  return items;
}

// ---------------------------------------------------------------------------
// Rendering

function padChar(spec: Spec): string {
  const p = spec.pad;
  if (typeof p === 'number' && Number.isInteger(p) && p >= 0 && p <= 0x10ffff) return String.fromCodePoint(p);
  return badarg(`~${spec.control}: the pad character must be a character code, got ${describe(p)}`);
}

/** io_lib_format:chars/2: `n` copies of `c`. */
function chars(c: string, n: number, spec: Spec): string {
  if (n < 0) badarg(`~${spec.control}: negative field width or precision`);
  return c.repeat(n);
}

function adjust(data: string, pad: string, adj: Adjust): string {
  if (pad === '') return data;
  return adj === 'left' ? data + pad : pad + data;
}

function control(spec: Spec, column: number): string {
  const { control: c, args, width: f, adjust: adj, precision: p } = spec;
  const [a, b] = args;
  switch (c) {
    case 'w':
      return term(writeTerm(a, { depth: -1, encoding: spec.encoding }), f, adj, p, spec);
    case 'W':
      return term(writeTerm(a, { depth: depthArg(spec, b), encoding: spec.encoding }), f, adj, p, spec);
    case 'p':
      return print(a, -1, spec, column);
    case 'P':
      return print(a, depthArg(spec, b), spec, column);
    case 's':
      return string(stringArg(spec, a), f, adj, p, spec);
    case 'e':
      return fwriteE(floatArg(spec, a), f, adj, p, spec);
    case 'f':
      return fwriteF(floatArg(spec, a), f, adj, p, spec);
    case 'g':
      return fwriteG(floatArg(spec, a), f, adj, p, spec);
    case 'b':
    case 'B':
      return integer(spec, a, '', c === 'b');
    case 'x':
    case 'X':
      return integer(spec, a, prefixArg(spec, b), c === 'x');
    case '+':
    case '#':
      return integer(spec, a, `${base(spec)}#`, c === '+');
    case 'c':
      return char(charArg(spec, a), f, adj, p, spec);
    case '~':
      return char('~', f, adj, p, spec);
    case 'n':
      if (f === null) return '\n';
      if (adj === 'left') badarg('~n cannot be left adjusted');
      return chars('\n', f, spec);
    default: // 'i'
      return '';
  }
}

function depthArg(spec: Spec, d: unknown): number {
  if (!is_integer(d)) badarg(`~${spec.control} expects an integer depth, got ${describe(d)}`);
  return Number(d);
}

/** io_lib_format:term/5: fits `t` into the field, or fills it with `*`. */
function term(t: string, f: number | null, adj: Adjust, p0: number | null, spec: Spec): string {
  if (f === null && p0 === null) return t;
  if (f === null) return term(t, p0, adj, p0, spec);
  const len = charsLength(t);
  const p = Math.min(len, p0 === null ? f : Math.min(p0, f));
  if (len > p) return adjust(chars('*', p, spec), chars(padChar(spec), f - p, spec), adj);
  return adjust(t, chars(padChar(spec), f - len, spec), adj);
}

function print(t: unknown, depth: number, spec: Spec, column: number): string {
  if (spec.adjust === 'left') badarg(`~${spec.control} cannot be left adjusted`);
  const lineLength = spec.width ?? 80;
  const col = spec.precision ?? column + 1;
  return printTerm(t, col, lineLength, depth, spec.encoding, spec.strings);
}

// ~s

function stringArg(spec: Spec, a: unknown): string {
  const latin1 = spec.encoding === 'latin1';
  const bad = (what: unknown): never =>
    badarg(
      `~${spec.encoding === 'unicode' ? 't' : ''}s expects a string, binary, atom or iolist, got ${describe(a)}` +
        (what === a ? '' : ` (bad element ${describe(what)})`),
    );
  const tooWide = (code: number): never =>
    badarg(`~s got the character ${code} (above 255) in ${describe(a)}; use ~ts for Unicode`);
  const fromText = (s: string): string => {
    if (latin1) for (const ch of s) if ((ch.codePointAt(0) ?? 0) > 255) tooWide(ch.codePointAt(0) ?? 0);
    return s;
  };
  if (is_atom(a)) return fromText(atomText(a));
  const out: string[] = [];
  const path = new Set<object>();
  const walk = (x: unknown, top: boolean): void => {
    if (is_binary(x)) {
      out.push(latin1 ? Buffer.from(x).toString('latin1') : decodeUtf8OrBytes(x));
    } else if (is_list(x) || is_tuple(x)) {
      enter(path, x);
      for (let i = 0; i < x.length; i++) {
        const e = x[i];
        if (is_integer(e)) {
          const n = Number(e);
          if (n < 0 || n > 0x10ffff) bad(e);
          if (latin1 && n > 255) tooWide(n);
          out.push(String.fromCodePoint(n));
        } else {
          walk(e, false);
        }
      }
      path.delete(x);
    } else if (typeof x === 'string' && !top) {
      out.push(fromText(x));
    } else {
      bad(x);
    }
  };
  walk(a, true);
  return out.join('');
}

const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8OrBytes(b: Uint8Array): string {
  try {
    return utf8Decoder.decode(b);
  } catch {
    return Buffer.from(b).toString('latin1');
  }
}

/** io_lib_format:string/6. */
function string(s: string, f: number | null, adj: Adjust, p: number | null, spec: Spec): string {
  if (f === null && p === null) return s;
  if (p === null) return stringField(s, f as number, adj, charsLength(s), spec);
  if (f === null) return stringField(s, p, 'left', charsLength(s), spec);
  if (f < p) badarg(`~s: the field width ${f} is less than the precision ${p}`);
  const n = charsLength(s);
  if (f > p) {
    const fill = chars(padChar(spec), f - p, spec);
    if (n > p) return adjust(flatTrunc(s, p, spec), fill, adj);
    if (n < p) return adjust(s + chars(padChar(spec), p - n, spec), fill, adj);
    return adjust(s, fill, adj);
  }
  return stringField(s, f, adj, n, spec);
}

function stringField(s: string, f: number, adj: Adjust, n: number, spec: Spec): string {
  if (n > f) return flatTrunc(s, f, spec);
  if (n < f) return adjust(s, chars(padChar(spec), f - n, spec), adj);
  return s;
}

function flatTrunc(s: string, n: number, spec: Spec): string {
  if (n < 0) badarg(`~${spec.control}: negative field width or precision`);
  // latin1 cuts characters (lists:split), unicode cuts graphemes (string:slice).
  const units = spec.encoding === 'latin1' ? Array.from(s) : graphemes(s);
  return units.slice(0, n).join('');
}

// ~e ~f ~g

function floatArg(spec: Spec, a: unknown): number {
  // A boxed float (float(1)) is a Number object: its number is the float.
  const x = a instanceof Number ? a.valueOf() : a;
  if (typeof x !== 'number' || !Number.isFinite(x))
    badarg(`~${spec.control} expects a float, got ${describe(a)}`);
  return x;
}

function fwriteE(x: number, f: number | null, adj: Adjust, p: number | null, spec: Spec): string {
  const prec = p ?? 6;
  if (prec < 2) badarg(`~e needs a precision of at least 2, got ${prec}`);
  const text = floatE(x, prec);
  return f === null ? text : term(text, f, adj, f, spec);
}

function fwriteF(x: number, f: number | null, adj: Adjust, p: number | null, spec: Spec): string {
  const prec = p ?? 6;
  if (prec < 1) badarg(`~f needs a precision of at least 1, got ${prec}`);
  const text = floatF(x, prec);
  return f === null ? text : term(text, f, adj, f, spec);
}

function fwriteG(x: number, f: number | null, adj: Adjust, p: number | null, spec: Spec): string {
  const prec = p ?? 6;
  if (prec < 1) badarg(`~g needs a precision of at least 1, got ${prec}`);
  const a = Math.abs(x);
  // The decimal exponent for 0.1 <= |x| < 10000, else null: use ~e.
  const e = a < 0.1 ? -2 : a < 1 ? -1 : a < 10 ? 0 : a < 100 ? 1 : a < 1000 ? 2 : a < 10000 ? 3 : null;
  if ((prec <= 1 && e === -1) || (e !== null && prec - 1 > e && e >= -1)) {
    return fwriteF(x, f, adj, prec - 1 - (e ?? 0), spec);
  }
  return fwriteE(x, f, adj, prec <= 1 ? 2 : prec, spec);
}

// ~b ~B ~x ~X ~+ ~# ~c

function base(spec: Spec): number {
  const b = spec.precision ?? 10;
  if (b < 2 || b > 36) badarg(`~${spec.control}: the base must be 2..36, got ${b}`);
  return b;
}

function integer(spec: Spec, a: unknown, prefix: string, lowercase: boolean): string {
  if (!is_integer(a)) badarg(`~${spec.control} expects an integer, got ${describe(a)}`);
  const b = base(spec);
  const n = BigInt(a);
  let digits = (n < 0n ? -n : n).toString(b).toUpperCase();
  if (lowercase) digits = digits.toLowerCase();
  return term((n < 0n ? '-' : '') + prefix + digits, spec.width, spec.adjust, null, spec);
}

function prefixArg(spec: Spec, prefix: unknown): string {
  if (is_atom(prefix)) return atomText(prefix);
  const out: string[] = [];
  const path = new Set<object>();
  const walk = (x: unknown): void => {
    if (!is_list(x) && !is_tuple(x))
      badarg(`~${spec.control} expects a prefix atom or character list, got ${describe(prefix)}`);
    enter(path, x);
    for (let i = 0; i < x.length; i++) {
      const e = x[i];
      if (
        is_integer(e) &&
        Number(e) >= 0 &&
        Number(e) <= 0x10ffff &&
        !(Number(e) >= 0xd800 && Number(e) <= 0xdfff)
      ) {
        out.push(String.fromCodePoint(Number(e)));
      } else {
        walk(e);
      }
    }
    path.delete(x);
  };
  walk(prefix);
  return out.join('');
}

function charArg(spec: Spec, a: unknown): string {
  if (!is_integer(a)) badarg(`~c expects an integer, got ${describe(a)}`);
  if (spec.encoding === 'latin1') return String.fromCharCode(Number(BigInt(a) & 255n));
  const n = Number(a);
  if (n < 0 || n > 0x10ffff) badarg(`~tc expects a character code, got ${describe(a)}`);
  return String.fromCodePoint(n);
}

/** io_lib_format:char/5: a width alone repeats the character. */
function char(ch: string, f: number | null, adj: Adjust, p: number | null, spec: Spec): string {
  if (f === null && p === null) return ch;
  if (p === null) return chars(ch, f as number, spec);
  if (f === null) return chars(ch, p, spec);
  if (f < p) badarg(`~${spec.control}: the field width ${f} is less than the precision ${p}`);
  return adjust(chars(ch, p, spec), chars(padChar(spec), f - p, spec), adj);
}
