/**
 * Runs io_lib:format cases through a real `erl`, for differential tests.
 *
 * `toErlang` writes a JS term as Erlang source text under the DESIGN §2 mapping;
 * `runInErlang` writes all cases into one escript, runs it once and returns each
 * case's output (base64 on the wire so newlines and Unicode survive) or the
 * error class it raised.
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { List, Pid, Port, Ref } from '../../runtime/internal/terms.js';

/** One differential case: `io_lib:format(fmt, args)`. */
export interface FormatCase {
  readonly fmt: string;
  readonly args: readonly unknown[];
  /** Erlang source of the argument list when JS cannot express it (e.g. `[1.0]`). */
  readonly erlArgs?: string;
}

/** What erl answered for one case. */
export type ErlResult = { ok: true; text: string } | { ok: false; error: string };

/** Whether `erl` and `escript` are on PATH. */
export function erlangAvailable(): boolean {
  const probe = spawnSync('escript', ['-s', '/dev/null'], { stdio: 'ignore' });
  return probe.error === undefined;
}

/** An Erlang string literal, ASCII only. */
export function erlString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (c >= 32 && c <= 126) out += ch;
    else out += `\\x{${c.toString(16)}}`;
  }
  return out + '"';
}

function erlAtom(s: string): string {
  let out = "'";
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === "'" || ch === '\\') out += '\\' + ch;
    else if (c >= 32 && c <= 126) out += ch;
    else out += `\\x{${c.toString(16)}}`;
  }
  return out + "'";
}

function erlFloat(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`no Erlang float for ${x}`);
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mant = '', exp = '0'] = x.toExponential().split('e');
  return `${mant.includes('.') ? mant : mant + '.0'}e${Number(exp)}`;
}

/** Erlang source text for a JS term (DESIGN §2). */
export function toErlang(t: unknown): string {
  if (typeof t === 'number') return Number.isSafeInteger(t) ? String(Object.is(t, -0) ? 0 : t) : erlFloat(t);
  if (typeof t === 'bigint') return t.toString();
  if (typeof t === 'string') return erlAtom(t);
  if (typeof t === 'boolean' || t === null || t === undefined) return String(t);
  if (t instanceof Pid) return `list_to_pid("<0.${t.serial}.0>")`;
  if (t instanceof Ref) return `list_to_ref("#Ref<0.0.0.${t.serial}>")`;
  if (t instanceof Port) return `list_to_port("#Port<0.${t.serial}>")`;
  if (t instanceof List) return `[${t.map(toErlang).join(',')}]`;
  if (Array.isArray(t)) return `{${t.map(toErlang).join(',')}}`;
  if (t instanceof Uint8Array) return `<<${Array.from(t).join(',')}>>`;
  if (t instanceof Map) {
    return `#{${[...(t as Map<unknown, unknown>)].map(([k, v]) => `${toErlang(k)} => ${toErlang(v)}`).join(',')}}`;
  }
  if (typeof t === 'object') {
    return `#{${Object.entries(t)
      .map(([k, v]) => `${erlAtom(k)} => ${toErlang(v)}`)
      .join(',')}}`;
  }
  throw new Error(`no Erlang source for ${String(t)}`);
}

/**
 * Evaluates every case with io_lib:format/2 in one escript run.
 * @returns one result per case, in order
 */
export function runInErlang(cases: readonly FormatCase[]): ErlResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'erlts-format-'));
  try {
    const entries = cases.map(
      (c) => `{${erlString(c.fmt)}, ${c.erlArgs ?? `[${c.args.map(toErlang).join(', ')}]`}}`,
    );
    const script = [
      '#!/usr/bin/env escript',
      '%% -*- coding: utf-8 -*-',
      '-mode(compile).',
      'main(_) ->',
      `    Cases = [\n        ${entries.join(',\n        ')}],`,
      '    lists:foreach(fun run/1, Cases).',
      'run({F, A}) ->',
      '    Line = try unicode:characters_to_binary(io_lib:format(F, A)) of',
      '               B when is_binary(B) -> [<<"OK ">>, base64:encode(B)];',
      '               Other -> io_lib:format("ERR ~w", [Other])',
      '           catch C:E -> io_lib:format("ERR ~w:~w", [C, E])',
      '           end,',
      '    io:put_chars([Line, $\\n]).',
      '',
    ].join('\n');
    const file = join(dir, 'cases.escript');
    writeFileSync(file, script);
    const run = spawnSync('escript', [file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.status !== 0)
      throw new Error(`escript failed (${String(run.status)}): ${run.stderr}${run.stdout}`);
    const lines = run.stdout.split('\n').filter((l) => l !== '');
    if (lines.length !== cases.length) {
      throw new Error(`escript printed ${lines.length} results for ${cases.length} cases: ${run.stderr}`);
    }
    return lines.map((l) =>
      l.startsWith('OK ')
        ? { ok: true, text: Buffer.from(l.slice(3), 'base64').toString('utf8') }
        : { ok: false, error: l.slice(4) },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
