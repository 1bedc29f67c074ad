/**
 * Reads a `bin` template into segment syntax: Erlang's binary grammar, what goes between
 * `<<` and `>>`:
 *
 *   segments := segment (',' segment)*
 *   segment  := value [':' size] ['/' spec ('-' spec)*]
 *   value    := integer | float | char | string+ | Variable | ${…} | '-' number
 *   size     := integer | Variable | ${…} | '(' expr ')'
 *   expr     := integer | Variable | ${…} | expr op expr | '-' expr | '(' expr ')'
 *               with op one of + - * div rem
 *   spec     := atom | 'unit' ':' integer
 *
 * The template's raw text is read (`strings.raw`), so Erlang's escapes in strings and chars
 * (`"\n"`, `$\x{41}`) mean what they mean in Erlang, not what JS made of them. An
 * interpolation `${…}` is a hole: a token of its own, numbered in template order. Nothing here
 * knows about defaults or types; segments.ts applies those.
 */
import { ErlangError } from '../errors.js';

/** A size or value expression. */
export type Expr =
  | { readonly kind: 'integer'; readonly value: bigint }
  | { readonly kind: 'var'; readonly name: string }
  | { readonly kind: 'hole'; readonly index: number }
  | { readonly kind: 'neg'; readonly operand: Expr }
  | { readonly kind: 'op'; readonly op: ArithOp; readonly left: Expr; readonly right: Expr };

/** The arithmetic a size expression may use. */
export type ArithOp = '+' | '-' | '*' | 'div' | 'rem';

/** A segment's value, as written. */
export type ValueSyntax =
  | { readonly kind: 'integer'; readonly value: bigint }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'string'; readonly codes: readonly number[] }
  | { readonly kind: 'var'; readonly name: string }
  | { readonly kind: 'hole'; readonly index: number };

/** One type specifier: `little`, `binary`, `unit:8`, ... */
export interface Spec {
  readonly name: string;
  /** For `unit:N`, N. */
  readonly unit?: number;
}

/** One segment, as written. */
export interface SegmentSyntax {
  /** The segment's text, for messages: `Len:16/little`, `${…}/binary`. */
  readonly source: string;
  /** 1-based position in the template. */
  readonly position: number;
  readonly value: ValueSyntax;
  readonly size: Expr | null;
  readonly specs: readonly Spec[];
}

type Token =
  | { readonly kind: 'integer'; readonly text: string; readonly value: bigint }
  | { readonly kind: 'float'; readonly text: string; readonly value: number }
  | { readonly kind: 'string'; readonly text: string; readonly codes: readonly number[] }
  | { readonly kind: 'var' | 'atom' | 'punct'; readonly text: string }
  | { readonly kind: 'hole'; readonly text: string; readonly index: number }
  | { readonly kind: 'end'; readonly text: string };

/** Raised for a template that is not Erlang's binary syntax. */
export function syntaxError(what: string): never {
  throw new ErlangError('badarg', `bin: ${what}`);
}

const punctuation = new Set([',', ':', '/', '-', '+', '*', '(', ')']);
const simpleEscapes: Readonly<Record<string, number>> = {
  b: 8,
  d: 127,
  e: 27,
  f: 12,
  n: 10,
  r: 13,
  s: 32,
  t: 9,
  v: 11,
};

/** Splits the template's text into tokens; each `${…}` becomes a hole token. */
function tokenize(chunks: readonly string[]): Token[] {
  const tokens: Token[] = [];
  chunks.forEach((chunk, chunkIndex) => {
    if (chunkIndex > 0) tokens.push({ kind: 'hole', text: '${…}', index: chunkIndex - 1 });
    tokenizeChunk(chunk, tokens);
  });
  tokens.push({ kind: 'end', text: 'the end of the template' });
  return tokens;
}

function tokenizeChunk(text: string, tokens: Token[]): void {
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (c === '<' && text[i + 1] === '<') {
      tokens.push({ kind: 'punct', text: '<<' });
      i += 2;
    } else if (c === '>' && text[i + 1] === '>') {
      tokens.push({ kind: 'punct', text: '>>' });
      i += 2;
    } else if (punctuation.has(c)) {
      tokens.push({ kind: 'punct', text: c });
      i++;
    } else if (c >= '0' && c <= '9') {
      i = readNumber(text, i, tokens);
    } else if (c === '"') {
      i = readString(text, i, tokens);
    } else if (c === '$') {
      const [code, end] = readChar(text, i + 1, text.slice(i));
      tokens.push({ kind: 'integer', text: text.slice(i, end), value: BigInt(code) });
      i = end;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_@]/.test(text[j]!)) j++;
      const word = text.slice(i, j);
      tokens.push({ kind: /[A-Z_]/.test(c) ? 'var' : 'atom', text: word });
      i = j;
    } else {
      syntaxError(
        `unexpected character ${JSON.stringify(c)} in the template (at "${text.slice(i, i + 12)}")`,
      );
    }
  }
}

/** Digits of `base` with single `_` separators between them (Erlang 23+: `1_000`). */
function digitsPattern(base: number): string {
  const digits =
    base <= 10
      ? `0-${base - 1}`
      : `0-9a-${String.fromCharCode(86 + base)}A-${String.fromCharCode(54 + base)}`;
  return `[${digits}]+(?:_[${digits}]+)*`;
}

function readNumber(text: string, i: number, tokens: Token[]): number {
  const rest = text.slice(i);
  const radix = /^(\d+)#/.exec(rest);
  if (radix !== null) {
    const base = Number(radix[1]);
    if (base < 2 || base > 36) syntaxError(`base ${base} in ${JSON.stringify(rest.split(/[\s,:/]/)[0])}`);
    const m = new RegExp(`^${digitsPattern(base)}`).exec(rest.slice(radix[0].length));
    if (m === null) syntaxError(`no digits after ${radix[0]}`);
    let value = 0n;
    for (const d of m[0].replaceAll('_', '')) value = value * BigInt(base) + BigInt(parseInt(d, base));
    const textOf = radix[0] + m[0];
    tokens.push({ kind: 'integer', text: textOf, value });
    return i + textOf.length;
  }
  const dec = digitsPattern(10);
  const float = new RegExp(`^${dec}\\.${dec}(?:[eE][+-]?${dec})?`).exec(rest);
  if (float !== null) {
    const value = Number(float[0].replaceAll('_', ''));
    if (!Number.isFinite(value)) syntaxError(`float ${float[0]} is out of range`);
    tokens.push({ kind: 'float', text: float[0], value });
    return i + float[0].length;
  }
  const int = new RegExp(`^${dec}`).exec(rest)!;
  tokens.push({ kind: 'integer', text: int[0], value: BigInt(int[0].replaceAll('_', '')) });
  return i + int[0].length;
}

/** Reads one character of a string or char literal at `i`: its code point and where it ends. */
function readChar(text: string, i: number, context: string): [number, number] {
  if (i >= text.length) {
    syntaxError(`unfinished ${JSON.stringify(context)} (a \${…} cannot go inside a string or char literal)`);
  }
  const c = text.codePointAt(i)!;
  const width = c > 0xffff ? 2 : 1;
  if (c !== 0x5c) return [c, i + width];
  // A backslash escape, as Erlang reads it.
  const e = text[i + 1];
  if (e === undefined) syntaxError(`unfinished escape in ${JSON.stringify(context)}`);
  if (e in simpleEscapes) return [simpleEscapes[e]!, i + 2];
  const octal = /^[0-7]{1,3}/.exec(text.slice(i + 1));
  if (octal !== null) return [parseInt(octal[0], 8), i + 1 + octal[0].length];
  if (e === 'x') {
    const braced = /^x\{([0-9a-fA-F]+)\}/.exec(text.slice(i + 1));
    if (braced !== null) return [parseInt(braced[1]!, 16), i + 1 + braced[0].length];
    const two = /^x([0-9a-fA-F]{2})/.exec(text.slice(i + 1));
    if (two !== null) return [parseInt(two[1]!, 16), i + 3];
    syntaxError(`bad \\x escape in ${JSON.stringify(context)}`);
  }
  if (e === '^') {
    const ctl = text[i + 2];
    if (ctl === undefined) syntaxError(`unfinished escape in ${JSON.stringify(context)}`);
    return [ctl.charCodeAt(0) & 31, i + 3];
  }
  // Any other escaped character stands for itself (\\, \", \', ...).
  return [text.codePointAt(i + 1)!, i + 1 + (text.codePointAt(i + 1)! > 0xffff ? 2 : 1)];
}

function readString(text: string, i: number, tokens: Token[]): number {
  const codes: number[] = [];
  let j = i + 1;
  for (;;) {
    if (j >= text.length) {
      syntaxError(
        `unterminated string ${text.slice(i, i + 20)}… (a \${…} cannot go inside a string literal)`,
      );
    }
    if (text[j] === '"') break;
    const [code, next] = readChar(text, j, text.slice(i));
    codes.push(code);
    j = next;
  }
  tokens.push({ kind: 'string', text: text.slice(i, j + 1), codes });
  return j + 1;
}

/** A cursor over the tokens. */
class Parser {
  #tokens: Token[];
  #at = 0;

  constructor(tokens: Token[]) {
    this.#tokens = tokens;
  }

  peek(): Token {
    return this.#tokens[this.#at]!;
  }

  next(): Token {
    const t = this.#tokens[this.#at]!;
    if (t.kind !== 'end') this.#at++;
    return t;
  }

  isPunct(text: string): boolean {
    const t = this.peek();
    return t.kind === 'punct' && t.text === text;
  }

  /** The source text from token `from` up to the cursor. */
  textFrom(from: number): string {
    let text = '';
    let wordBefore = false;
    for (const t of this.#tokens.slice(from, this.#at)) {
      // A space only where two words would otherwise run together: `Len:16/little`, `X div 2`.
      const word = t.kind !== 'punct' && t.kind !== 'hole';
      if (word && wordBefore) text += ' ';
      text += t.text;
      wordBefore = word;
    }
    return text;
  }

  get position(): number {
    return this.#at;
  }
}

/**
 * Parses a template's raw chunks (the text around each `${…}`) into segments.
 * @param chunks - `strings.raw` of the template
 * @returns the segments, in order
 */
export function parseTemplate(chunks: readonly string[]): SegmentSyntax[] {
  const p = new Parser(tokenize(chunks));
  // `<<...>>` around the whole template is allowed, so a literal port may keep its brackets.
  const bracketed = p.isPunct('<<');
  if (bracketed) p.next();
  const segments: SegmentSyntax[] = [];
  const atEnd = (): boolean => p.peek().kind === 'end' || (bracketed && p.isPunct('>>'));
  if (!atEnd()) {
    for (;;) {
      segments.push(parseSegment(p, segments.length + 1));
      if (!p.isPunct(',')) break;
      p.next();
    }
  }
  if (bracketed) {
    if (!p.isPunct('>>')) syntaxError(`expected >> to close <<, got ${describeToken(p.peek())}`);
    p.next();
  }
  if (p.peek().kind !== 'end') {
    syntaxError(
      `expected , between segments, got ${describeToken(p.peek())} after segment ${segments.length}`,
    );
  }
  return segments;
}

function describeToken(t: Token): string {
  return t.kind === 'end' ? t.text : `"${t.text}"`;
}

function parseSegment(p: Parser, position: number): SegmentSyntax {
  const start = p.position;
  const where = (): string => `segment ${position} (${p.textFrom(start) || describeToken(p.peek())})`;
  const value = parseValue(p, where);
  let size: Expr | null = null;
  if (p.isPunct(':')) {
    p.next();
    size = parseSize(p, where);
  }
  const specs: Spec[] = [];
  if (p.isPunct('/')) {
    p.next();
    for (;;) {
      const t = p.next();
      if (t.kind !== 'atom') syntaxError(`${where()}: expected a type specifier, got ${describeToken(t)}`);
      if (t.text === 'unit') {
        if (!p.isPunct(':')) syntaxError(`${where()}: unit needs a value, as unit:8`);
        p.next();
        const u = p.next();
        if (u.kind !== 'integer') {
          syntaxError(
            `${where()}: the unit must be an integer literal from 1 to 256, got ${describeToken(u)}`,
          );
        }
        specs.push({ name: 'unit', unit: Number(u.value) });
      } else {
        specs.push({ name: t.text });
      }
      if (!p.isPunct('-')) break;
      p.next();
    }
  }
  const after = p.peek();
  if (!(after.kind === 'end' || (after.kind === 'punct' && (after.text === ',' || after.text === '>>')))) {
    syntaxError(`${where()}: expected , between segments, got ${describeToken(after)}`);
  }
  return { source: p.textFrom(start), position, value, size, specs };
}

function parseValue(p: Parser, where: () => string): ValueSyntax {
  const t = p.next();
  switch (t.kind) {
    case 'integer':
      return { kind: 'integer', value: t.value };
    case 'float':
      return { kind: 'float', value: t.value };
    case 'var':
      return { kind: 'var', name: t.text };
    case 'hole':
      return { kind: 'hole', index: t.index };
    case 'string': {
      // Adjacent string literals are one string, as in Erlang.
      const codes = [...t.codes];
      for (let s = p.peek(); s.kind === 'string'; s = p.peek()) {
        codes.push(...s.codes);
        p.next();
      }
      return { kind: 'string', codes };
    }
    case 'punct':
      if (t.text === '-' || t.text === '+') {
        const n = p.next();
        const sign = t.text === '-' ? -1 : 1;
        if (n.kind === 'integer') return { kind: 'integer', value: BigInt(sign) * n.value };
        if (n.kind === 'float') return { kind: 'float', value: sign * n.value };
        syntaxError(`${where()}: ${t.text} must be followed by a number literal`);
      }
      break;
    default:
      break;
  }
  const hint =
    t.kind === 'atom' ? ' (an atom has no place in a binary; a variable starts with A-Z or _)' : '';
  return syntaxError(`${where()}: expected a value, got ${describeToken(t)}${hint}`);
}

function parseSize(p: Parser, where: () => string): Expr {
  const t = p.next();
  if (t.kind === 'integer') return { kind: 'integer', value: t.value };
  if (t.kind === 'var') return { kind: 'var', name: t.text };
  if (t.kind === 'hole') return { kind: 'hole', index: t.index };
  if (t.kind === 'punct' && t.text === '(') {
    const e = parseExpr(p, where);
    if (!p.isPunct(')')) syntaxError(`${where()}: expected ) in the size, got ${describeToken(p.peek())}`);
    p.next();
    return e;
  }
  return syntaxError(
    `${where()}: bad size ${describeToken(t)}: a size is an integer, a variable, a \${…} or a (expression)`,
  );
}

/** expr := term (('+' | '-') term)* */
function parseExpr(p: Parser, where: () => string): Expr {
  let left = parseTerm(p, where);
  while (p.isPunct('+') || p.isPunct('-')) {
    const op = p.next().text as ArithOp;
    left = { kind: 'op', op, left, right: parseTerm(p, where) };
  }
  return left;
}

/** term := factor (('*' | 'div' | 'rem') factor)* */
function parseTerm(p: Parser, where: () => string): Expr {
  let left = parseFactor(p, where);
  for (;;) {
    const t = p.peek();
    const op =
      t.kind === 'punct' && t.text === '*'
        ? '*'
        : t.kind === 'atom' && (t.text === 'div' || t.text === 'rem')
          ? t.text
          : null;
    if (op === null) return left;
    p.next();
    left = { kind: 'op', op, left, right: parseFactor(p, where) };
  }
}

function parseFactor(p: Parser, where: () => string): Expr {
  const t = p.next();
  if (t.kind === 'integer') return { kind: 'integer', value: t.value };
  if (t.kind === 'var') return { kind: 'var', name: t.text };
  if (t.kind === 'hole') return { kind: 'hole', index: t.index };
  if (t.kind === 'punct' && t.text === '-') return { kind: 'neg', operand: parseFactor(p, where) };
  if (t.kind === 'punct' && t.text === '+') return parseFactor(p, where);
  if (t.kind === 'punct' && t.text === '(') {
    const e = parseExpr(p, where);
    if (!p.isPunct(')')) syntaxError(`${where()}: expected ), got ${describeToken(p.peek())}`);
    p.next();
    return e;
  }
  return syntaxError(
    `${where()}: ${describeToken(t)} cannot go in a size expression (integers, variables, \${…}, + - * div rem)`,
  );
}
