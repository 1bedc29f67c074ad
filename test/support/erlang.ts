/**
 * Differential testing against a real `erl`: evaluate many Erlang expressions
 * in ONE escript run and get each result back as a JS term under DESIGN §2's
 * mapping, ready to deep-compare with what erlts returns.
 *
 *   const [r1, r2] = evalInErlang(['inet:parse_address("::1")', 'inet:ntoa({1,2,3,4})']);
 *   // r1 = { ok: true, value: ['ok', [0, 0, 0, 0, 0, 0, 0, 1]] }
 *
 * Mapping of results: atoms → strings (`true`/`false` → booleans), tuples →
 * arrays, proper lists → `List`, binaries → Buffer, integers → number (bigint
 * beyond 2^53), floats → number, maps → plain objects (atom or string keys),
 * pids/refs/ports → their printed text. An expression that raises gives
 * `{ ok: false, class, reason }`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { List, Pid, Port, Ref } from 'erlts';

/** What erl gave for one expression. */
export type ErlOutcome =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly class: string; readonly reason: unknown };

/** Whether `escript` (and so `erl`) is on PATH. */
export function erlangAvailable(): boolean {
  return spawnSync('escript', ['-s', '/dev/null'], { stdio: 'ignore' }).error === undefined;
}

/** The skip message tests print when erl is missing. */
export const noErlang =
  'erl/escript is not installed (not on PATH): differential test skipped; CI installs erlang-base';

// The escript: reads expressions (one Erlang string each) from a file, evaluates
// each, and prints one JSON line per result. OTP 25 has no json module, so it
// carries a small encoder.
const script = String.raw`#!/usr/bin/env escript
%%! -noshell
main([File]) ->
    {ok, [Exprs]} = file:consult(File),
    lists:foreach(fun(Src) -> io:put_chars([run(Src), $\n]) end, Exprs).

run(Src) ->
    try
        {ok, Toks, _} = erl_scan:string(Src ++ "."),
        {ok, Parsed} = erl_parse:parse_exprs(Toks),
        {value, V, _} = erl_eval:exprs(Parsed, []),
        ["{\"ok\":true,\"value\":", enc(V), "}"]
    catch C:R ->
        ["{\"ok\":false,\"class\":\"", atom_to_list(C), "\",\"reason\":", enc(R), "}"]
    end.

enc(I) when is_integer(I) -> ["{\"i\":\"", integer_to_list(I), "\"}"];
enc(F) when is_float(F) -> ["{\"f\":", io_lib:format("~p", [F]), "}"];
enc(A) when is_atom(A) -> ["{\"a\":", str(atom_to_list(A)), "}"];
enc(B) when is_binary(B) -> ["{\"b\":\"", base64:encode(B), "\"}"];
enc(T) when is_tuple(T) -> ["{\"t\":[", join([enc(E) || E <- tuple_to_list(T)]), "]}"];
enc(M) when is_map(M) -> ["{\"m\":[", join([["[", enc(K), ",", enc(V), "]"] || {K, V} <- lists:sort(maps:to_list(M))]), "]}"];
enc(L) when is_list(L) -> enc_list(L, []);
enc(P) when is_pid(P) -> ["{\"p\":", str(pid_to_list(P)), "}"];
enc(R) when is_reference(R) -> ["{\"p\":", str(ref_to_list(R)), "}"];
enc(P) when is_port(P) -> ["{\"p\":", str(port_to_list(P)), "}"];
enc(F) when is_function(F) -> ["{\"p\":", str(erlang:fun_to_list(F)), "}"];
enc(B) when is_bitstring(B) -> ["{\"p\":", str(lists:flatten(io_lib:format("~w", [B]))), "}"].

enc_list([], Acc) -> ["{\"l\":[", join(lists:reverse(Acc)), "]}"];
enc_list([H | T], Acc) when is_list(T) -> enc_list(T, [enc(H) | Acc]);
enc_list([H | T], Acc) -> ["{\"l\":[", join(lists:reverse([enc(H) | Acc])), "],\"tail\":", enc(T), "}"].

join([]) -> [];
join([H | T]) -> [H | [[",", E] || E <- T]].

str(S) -> [$", [esc(C) || C <- S], $"].
esc($") -> "\\\"";
esc($\\) -> "\\\\";
esc(C) when C < 32; C > 126 -> io_lib:format("\\u~4.16.0b", [C]);
esc(C) -> C.
`;

/** Turns the escript's JSON encoding into a JS term. */
export function decodeTerm(json: unknown): unknown {
  const t = json as Record<string, unknown>;
  if ('i' in t) {
    const big = BigInt(t.i as string);
    return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(big)
      : big;
  }
  if ('f' in t) return t.f;
  if ('a' in t) return t.a === 'true' ? true : t.a === 'false' ? false : t.a;
  if ('b' in t) return Buffer.from(t.b as string, 'base64');
  if ('t' in t) return (t.t as unknown[]).map(decodeTerm);
  if ('l' in t) {
    const list = new List<unknown>();
    for (const e of t.l as unknown[]) list.push(decodeTerm(e));
    if ('tail' in t) throw new Error(`improper list has no JS form: tail ${JSON.stringify(t.tail)}`);
    return list;
  }
  if ('m' in t) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of t.m as [unknown, unknown][]) {
      const key = decodeTerm(k);
      out[typeof key === 'string' ? key : String(key)] = decodeTerm(v);
    }
    return out;
  }
  if ('p' in t) return t.p;
  throw new Error(`unknown encoded term ${JSON.stringify(json)}`);
}

/** Evaluates each Erlang expression in one escript run, in order. */
export function evalInErlang(exprs: readonly string[]): ErlOutcome[] {
  const dir = mkdtempSync(join(tmpdir(), 'erlts-diff-'));
  try {
    const scriptFile = join(dir, 'diff.escript');
    const casesFile = join(dir, 'cases.eterm');
    writeFileSync(scriptFile, script);
    // Each expression is passed as an Erlang string literal (a list of code points).
    writeFileSync(
      casesFile,
      `[${exprs.map((e) => `[${[...e].map((c) => c.codePointAt(0)).join(',')}]`).join(',\n')}].\n`,
    );
    const run = spawnSync('escript', [scriptFile, casesFile], { encoding: 'utf8', maxBuffer: 256 << 20 });
    if (run.status !== 0) throw new Error(`escript failed (${run.status}): ${run.stderr}`);
    const lines = run.stdout.split('\n').filter((l) => l.length > 0);
    if (lines.length !== exprs.length) {
      throw new Error(`escript gave ${lines.length} results for ${exprs.length} expressions: ${run.stderr}`);
    }
    return lines.map((line) => {
      const o = JSON.parse(line) as { ok: boolean; value?: unknown; class?: string; reason?: unknown };
      return o.ok
        ? { ok: true, value: decodeTerm(o.value) }
        : { ok: false, class: o.class ?? '?', reason: decodeTerm(o.reason) };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An Erlang string literal for `s` (code points escaped as needed). */
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

/** An Erlang binary literal for `b`. */
export function erlBinary(b: Buffer): string {
  return `<<${[...b].join(',')}>>`;
}

/** An Erlang quoted atom literal for `s`. */
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

/**
 * Erlang source text for a JS term under DESIGN §2: strings are atoms, plain
 * arrays tuples, `List`s lists, Buffers binaries, plain objects (and Maps)
 * maps; a number is an integer when it is a safe integer, else a float.
 */
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
