/**
 * OTP 25's case mappings for every code point, read from erl: the generator of
 * stdlib/string/internal/case-data.ts and the test that checks it both use this. The escript
 * is compiled (`-mode(compile)`): interpreted, four passes over 1.1 million code points take
 * half a minute.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type CaseKind = 'uppercase' | 'lowercase' | 'titlecase' | 'casefold';

/** Code points that each mapping changes, with what it makes of them, in code point order. */
export type CaseTables = Record<CaseKind, [number, number[]][]> & { release: string };

const kinds: CaseKind[] = ['uppercase', 'lowercase', 'titlecase', 'casefold'];

// One line per mapping: "kind cp:m1,m2 cp:m1 ...", then the OTP release.
const script = String.raw`#!/usr/bin/env escript
%%! -noshell
-mode(compile).
main(_) ->
    CPs = lists:seq(0, 16#D7FF) ++ lists:seq(16#E000, 16#10FFFF),
    [io:put_chars([atom_to_list(K), [[$\s, integer_to_list(C), $:, lists:join($,, [integer_to_list(X) || X <- M])]
                   || C <- CPs, M <- [string:K([C])], M =/= [C]], $\n])
     || K <- [uppercase, lowercase, titlecase, casefold]],
    io:put_chars([erlang:system_info(otp_release), $\n]).
`;

export function caseMappingsInErlang(): CaseTables {
  const dir = mkdtempSync(join(tmpdir(), 'erlts-case-'));
  try {
    const file = join(dir, 'case.escript');
    writeFileSync(file, script);
    const run = spawnSync('escript', [file], { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (run.status !== 0) throw new Error(`escript failed (${run.status}): ${run.stderr}`);
    const lines = run.stdout.trimEnd().split('\n');
    const tables = { release: lines[kinds.length] ?? '' } as CaseTables;
    kinds.forEach((kind, i) => {
      const [name, ...entries] = (lines[i] ?? '').split(' ');
      if (name !== kind) throw new Error(`unexpected escript output: ${name}`);
      tables[kind] = entries.map((e) => {
        const [cp = '', to = ''] = e.split(':');
        return [Number(cp), to.split(',').map(Number)];
      });
    });
    return tables;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
