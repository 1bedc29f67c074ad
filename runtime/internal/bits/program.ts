/**
 * A `bin` template compiled once into a program: its segments with Erlang's defaults applied
 * (erl_bits:set_bit_type/2 and the checks erl_lint makes), each variable given a slot, and
 * sizes reduced to a bit count where they are known. Building and matching then walk the
 * segment array without looking at the text again.
 *
 * A template that names a variable is a pattern; one that does not builds a binary.
 */
import { syntaxError, type ArithOp, type Expr, type SegmentSyntax, type Spec } from './template-syntax.js';

/** What a segment holds: Erlang's types, with `bytes`/`bits`/`bitstring` folded into binary. */
export type SegmentType = 'integer' | 'float' | 'binary' | 'utf8' | 'utf16' | 'utf32';

/** Where a segment's value comes from (building) or goes (matching). */
export type Operand =
  /** A literal of the template: an integer (number or bigint) or a float. */
  | { readonly kind: 'literal'; readonly value: number | bigint }
  /** An interpolated value: built from, or matched against (a bound variable). */
  | { readonly kind: 'hole'; readonly index: number }
  /** A variable's first occurrence in a pattern: binds its slot. */
  | { readonly kind: 'bind'; readonly slot: number }
  /** A later occurrence: must equal what the slot holds. */
  | { readonly kind: 'same'; readonly slot: number }
  /** `_`: matches anything, binds nothing. */
  | { readonly kind: 'skip' };

/** A size expression with its variables turned into slots. */
export type SizeExpr =
  | { readonly kind: 'integer'; readonly value: number | bigint }
  | { readonly kind: 'slot'; readonly slot: number }
  | { readonly kind: 'hole'; readonly index: number }
  | { readonly kind: 'neg'; readonly operand: SizeExpr }
  | { readonly kind: 'op'; readonly op: ArithOp; readonly left: SizeExpr; readonly right: SizeExpr };

/** A segment's size. */
export type Size =
  /** Known when compiled: size × unit, in bits. */
  | { readonly kind: 'fixed'; readonly bits: number }
  /** Computed at each use (× unit). */
  | { readonly kind: 'dynamic'; readonly expr: SizeExpr }
  /** A binary without a size: all of it (building) or the rest (matching). */
  | { readonly kind: 'all' }
  /** utf8/16/32: the code point decides. */
  | { readonly kind: 'none' };

/** One compiled segment. */
export interface Segment {
  /** The segment's text, for messages. */
  readonly source: string;
  /** 1-based position in the template. */
  readonly position: number;
  readonly type: SegmentType;
  readonly operand: Operand;
  readonly size: Size;
  /** The width in bits when the size is fixed, else -1: read on every match, so kept flat. */
  readonly bits: number;
  readonly unit: number;
  readonly signed: boolean;
  readonly little: boolean;
}

/** A compiled template. */
export interface Program {
  readonly segments: readonly Segment[];
  /** Whether the template names a variable (so `bin` returns a pattern). */
  readonly isPattern: boolean;
  /** Slot → variable name. */
  readonly slotNames: readonly string[];
  /** The slots a match reports: variables whose name does not start with `_`. */
  readonly reported: readonly number[];
  /** Their names, in template order. */
  readonly variables: readonly string[];
}

/** The machine's byte order, which `native` means (little on x86 and arm64). */
export const nativeLittle = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

interface Specifiers {
  type?: SegmentType;
  unit?: number;
  sign?: 'signed' | 'unsigned';
  endian?: 'big' | 'little' | 'native';
}

/** Each name's contribution, as erl_bits:type_to_record/1 gives it. */
const specifierFields: Readonly<Record<string, Specifiers>> = {
  integer: { type: 'integer' },
  float: { type: 'float' },
  binary: { type: 'binary' },
  bytes: { type: 'binary', unit: 8 },
  bitstring: { type: 'binary', unit: 1 },
  bits: { type: 'binary', unit: 1 },
  utf8: { type: 'utf8' },
  utf16: { type: 'utf16' },
  utf32: { type: 'utf32' },
  big: { endian: 'big' },
  little: { endian: 'little' },
  native: { endian: 'native' },
  signed: { sign: 'signed' },
  unsigned: { sign: 'unsigned' },
};

/** Merges a segment's specifiers; two that disagree are an error, as erl_bits:merge_field/3. */
function mergeSpecifiers(specs: readonly Spec[], where: string): Specifiers {
  const merged: Specifiers = {};
  const from: Partial<Record<keyof Specifiers, string>> = {};
  for (const spec of specs) {
    let fields: Specifiers;
    if (spec.name === 'unit') {
      const unit = spec.unit ?? 0;
      if (!(unit >= 1 && unit <= 256)) syntaxError(`${where}: unit:${unit} is out of range (1 to 256)`);
      fields = { unit };
    } else {
      const known = specifierFields[spec.name];
      if (known === undefined) {
        syntaxError(
          `${where}: unknown type specifier ${spec.name} (types: integer float binary bytes bitstring bits ` +
            `utf8 utf16 utf32; signed unsigned; big little native; unit:N)`,
        );
      }
      fields = known;
    }
    const text = spec.name === 'unit' ? `unit:${spec.unit}` : spec.name;
    for (const key of Object.keys(fields) as (keyof Specifiers)[]) {
      if (merged[key] !== undefined && merged[key] !== fields[key]) {
        syntaxError(`${where}: conflicting type specifiers ${from[key]} and ${text}`);
      }
      (merged as Record<string, unknown>)[key] = fields[key];
      from[key] = text;
    }
  }
  return merged;
}

/** The names of all variables a template mentions, in order. */
function variablesOf(segments: readonly SegmentSyntax[]): string[] {
  const names: string[] = [];
  const visit = (e: Expr): void => {
    if (e.kind === 'var') names.push(e.name);
    else if (e.kind === 'neg') visit(e.operand);
    else if (e.kind === 'op') {
      visit(e.left);
      visit(e.right);
    }
  };
  for (const s of segments) {
    if (s.value.kind === 'var') names.push(s.value.name);
    if (s.size !== null) visit(s.size);
  }
  return names;
}

/** An integer literal as a term: a number when safe, else a bigint (DESIGN §2). */
function integerTerm(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value;
}

/**
 * Compiles parsed segments into a program.
 * @param syntax - the template's segments, as parsed
 * @returns the program
 */
export function compile(syntax: readonly SegmentSyntax[]): Program {
  const isPattern = variablesOf(syntax).length > 0;
  const slots = new Map<string, number>();
  const slotNames: string[] = [];
  const segments: Segment[] = [];

  const sizeExpr = (e: Expr, where: string): SizeExpr => {
    switch (e.kind) {
      case 'integer':
        return { kind: 'integer', value: integerTerm(e.value) };
      case 'hole':
        return e;
      case 'neg':
        return { kind: 'neg', operand: sizeExpr(e.operand, where) };
      case 'op':
        return { kind: 'op', op: e.op, left: sizeExpr(e.left, where), right: sizeExpr(e.right, where) };
      case 'var': {
        const slot = slots.get(e.name);
        if (slot === undefined) {
          syntaxError(
            `${where}: variable ${e.name} is unbound: a size may name only a variable bound by an ` +
              `earlier segment of the pattern; a value from outside goes in as \${…}`,
          );
        }
        return { kind: 'slot', slot };
      }
    }
  };

  syntax.forEach((s, i) => {
    const where = `segment ${s.position} (${s.source})`;
    const spec = mergeSpecifiers(s.specs, where);
    const type = spec.type ?? 'integer';
    const isUtf = type === 'utf8' || type === 'utf16' || type === 'utf32';
    if (isUtf && (s.size !== null || spec.unit !== undefined)) {
      syntaxError(`${where}: neither size nor unit may be given for a ${type} segment`);
    }
    if (s.size === null && spec.unit !== undefined && (type === 'integer' || type === 'float')) {
      syntaxError(`${where}: a unit may be given only with a size`);
    }
    if (isPattern && s.value.kind === 'string' && (s.size !== null || (s.specs.length > 0 && !isUtf))) {
      syntaxError(`${where}: a literal string in a binary pattern must not have a type or a size`);
    }
    const unit = spec.unit ?? (type === 'binary' ? 8 : 1);
    let size: Size;
    if (isUtf) size = { kind: 'none' };
    else if (s.size === null) {
      size = type === 'binary' ? { kind: 'all' } : { kind: 'fixed', bits: type === 'float' ? 64 : 8 };
    } else {
      const e = sizeExpr(s.size, where);
      if (e.kind === 'integer' && typeof e.value === 'number') size = { kind: 'fixed', bits: e.value * unit };
      else size = { kind: 'dynamic', expr: e };
    }
    if (isPattern && size.kind === 'all' && i < syntax.length - 1) {
      syntaxError(`${where}: a binary field without size is only allowed at the end of a binary pattern`);
    }
    const endian = spec.endian ?? 'big';
    const shape = {
      source: s.source,
      position: s.position,
      type,
      size,
      bits: size.kind === 'fixed' ? size.bits : -1,
      unit,
      signed: spec.sign === 'signed',
      little: endian === 'little' || (endian === 'native' && nativeLittle),
    };

    const v = s.value;
    switch (v.kind) {
      case 'string':
        // Each character is a segment of its own with the same type, as Erlang expands it.
        for (const code of v.codes) segments.push({ ...shape, operand: { kind: 'literal', value: code } });
        return;
      case 'integer':
        segments.push({ ...shape, operand: { kind: 'literal', value: integerTerm(v.value) } });
        return;
      case 'float':
        segments.push({ ...shape, operand: { kind: 'literal', value: v.value } });
        return;
      case 'hole':
        segments.push({ ...shape, operand: v });
        return;
      case 'var': {
        if (v.name === '_') {
          segments.push({ ...shape, operand: { kind: 'skip' } });
          return;
        }
        const known = slots.get(v.name);
        if (known !== undefined) {
          segments.push({ ...shape, operand: { kind: 'same', slot: known } });
          return;
        }
        const slot = slotNames.length;
        slots.set(v.name, slot);
        slotNames.push(v.name);
        segments.push({ ...shape, operand: { kind: 'bind', slot } });
        return;
      }
    }
  });

  const reported = slotNames.flatMap((name, slot) => (name.startsWith('_') ? [] : [slot]));
  const variables = Object.freeze(reported.map((slot) => slotNames[slot]!));
  return { segments, isPattern, slotNames, reported, variables };
}
