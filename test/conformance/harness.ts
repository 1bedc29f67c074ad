/**
 * The conformance harness: scenarios written twice, in Erlang and in erlts,
 * run by real Erlang/OTP and by erlts, their traces compared line by line
 * (DESIGN §6).
 *
 * A suite is a folder `test/conformance/<suite>/` of pairs `<name>.erl`
 * (module `<name>`, exporting `main/0`, printing its trace with io:format)
 * and `<name>.ts` (`export default async function main(): Promise<void>`,
 * printing the same trace with erlts's io.format). Adding a scenario is
 * adding those two files; {@link conformanceSuite} finds them by name. A name
 * must be a plain Erlang atom that no OTP module uses (not `timer`, `lists`).
 *
 * Speed comes from booting each side once per suite: erlc compiles every
 * module of the suite in one call, one `erl -noshell` runs them all
 * (erlts_conformance_runner.erl), and one `node` child runs all the .ts
 * scenarios (runner.ts), both sides at the same time. Each side frames a
 * scenario's output with delimiter lines carrying a random nonce, so output
 * can never be mistaken for a frame, and reports per scenario whether it
 * finished, crashed or timed out — a crash or a timeout fails that scenario
 * only.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  constants,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This folder: test/conformance. */
export const conformanceDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(conformanceDir, '..', '..');
const erlangRunnerModule = 'erlts_conformance_runner';

/** What one side's runner gets besides the scenarios (a node name, the peer's name). */
export interface SideSetup {
  /** More arguments for `erl` (before `-pa`; `-sname drv`). The erlts side has none. */
  readonly args?: readonly string[];
  /** More environment for the runner. */
  readonly env?: Readonly<Record<string, string>>;
}

/** What a suite's {@link SuiteOptions.setup} started, and how each side is to run with it. */
export interface SuiteSetup {
  readonly erlang: SideSetup;
  readonly erlts: SideSetup;
  /**
   * Applied to each side's trace before pids, refs and ports are renamed: names that differ
   * between the sides by construction (each side's own node names) become one placeholder.
   */
  readonly normalise?: (trace: string) => string;
  /** Stops what setup started (after both sides ran). */
  readonly teardown: () => Promise<void>;
}

/** How a suite runs. */
export interface SuiteOptions {
  /** Per-scenario time limit on each side, in ms (default 5000). */
  readonly scenarioTimeoutMs?: number;
  /** Starts what the scenarios need outside both runners (peer nodes), before they run. */
  readonly setup?: () => Promise<SuiteSetup>;
}

/** What one side did with one scenario. */
export interface ScenarioResult {
  /** `ok`, `timeout`, `crash <class:reason>`, or null if the runner never finished it. */
  readonly status: string | null;
  /** Everything the scenario printed. */
  readonly output: string;
}

/** The scenarios of a suite folder: complete pairs, and files missing their twin. */
export interface Discovery {
  readonly pairs: readonly string[];
  readonly unpaired: readonly { readonly name: string; readonly has: string; readonly missing: string }[];
}

/** Finds the `<name>.erl` / `<name>.ts` pairs of a suite folder, sorted by name. */
export function discover(suiteDir: string): Discovery {
  const erl = new Set<string>();
  const ts = new Set<string>();
  for (const file of readdirSync(suiteDir)) {
    if (file.endsWith('.erl')) erl.add(file.slice(0, -'.erl'.length));
    else if (file.endsWith('.ts') && !file.endsWith('.d.ts')) ts.add(file.slice(0, -'.ts'.length));
  }
  const names = [...new Set([...erl, ...ts])].sort();
  const rel = (file: string): string => relative(repoRoot, join(suiteDir, file));
  return {
    pairs: names.filter((n) => erl.has(n) && ts.has(n)),
    unpaired: names
      .filter((n) => !(erl.has(n) && ts.has(n)))
      .map((n) =>
        erl.has(n)
          ? { name: n, has: rel(`${n}.erl`), missing: rel(`${n}.ts`) }
          : { name: n, has: rel(`${n}.ts`), missing: rel(`${n}.erl`) },
      ),
  };
}

/**
 * Replaces pids, refs and ports by stable names numbered in order of first
 * appearance (`<0.84.0>` → `<P1>`, `#Ref<0.1.2.3>` → `#Ref<R1>`,
 * `#Port<0.7>` → `#Port<N1>`). Nothing else is touched.
 */
export function normalise(trace: string): string {
  const seen = new Map<string, string>();
  const counters = { P: 0, R: 0, N: 0 };
  const rename = (kind: keyof typeof counters, text: string, make: (n: number) => string): string => {
    const key = `${kind}${text}`;
    let name = seen.get(key);
    if (name === undefined) {
      name = make(++counters[kind]);
      seen.set(key, name);
    }
    return name;
  };
  return trace.replace(/<\d+\.\d+\.\d+>|#Ref<[\d.]+>|#Port<\d+\.\d+>/g, (m) => {
    if (m.startsWith('#Ref')) return rename('R', m, (n) => `#Ref<R${n}>`);
    if (m.startsWith('#Port')) return rename('N', m, (n) => `#Port<N${n}>`);
    return rename('P', m, (n) => `<P${n}>`);
  });
}

/** Splits a runner's framed transcript into per-scenario results. */
export function parseTranscript(text: string, nonce: string): Map<string, ScenarioResult> {
  const results = new Map<string, ScenarioResult>();
  const marker = `\n@@${nonce} `;
  const begin = `${marker}begin `;
  let at = text.indexOf(begin);
  while (at !== -1) {
    const lineEnd = text.indexOf('\n', at + begin.length);
    if (lineEnd === -1) break;
    const name = text.slice(at + begin.length, lineEnd);
    const start = lineEnd + 1;
    const next = text.indexOf(marker, start);
    if (next === -1) {
      results.set(name, { status: null, output: text.slice(start) });
      break;
    }
    const output = text.slice(start, next);
    const end = `${marker}end ${name} `;
    if (text.startsWith(end, next)) {
      const statusEnd = text.indexOf('\n', next + end.length);
      const status = text.slice(next + end.length, statusEnd === -1 ? undefined : statusEnd);
      results.set(name, { status, output });
      at = text.indexOf(begin, next + end.length);
    } else {
      results.set(name, { status: null, output });
      at = next;
    }
  }
  return results;
}

/**
 * Compares two normalised traces line by line.
 * @returns null if they are equal, else a message showing the first
 *   difference and both traces
 */
export function compareTraces(expected: string, got: string): string | null {
  if (expected === got) return null;
  const lines = (text: string): string[] => {
    const all = text.split('\n');
    if (all[all.length - 1] === '') all.pop();
    return all;
  };
  const e = lines(expected);
  const g = lines(got);
  let line = 0;
  while (line < e.length && line < g.length && e[line] === g[line]) line++;
  const show = (label: string, lines: readonly string[]): string =>
    [
      `--- ${label} (normalised)`,
      ...lines.map((l, i) => `${i === line ? '>' : ' '}${String(i + 1).padStart(3)} | ${l}`),
    ].join('\n');
  if (line === e.length && line === g.length) {
    return `traces differ only in the final newline (Erlang/OTP: ${expected.endsWith('\n')}, erlts: ${got.endsWith('\n')})`;
  }
  return [
    `traces differ at line ${line + 1}:`,
    `  Erlang/OTP: ${e[line] === undefined ? '(end of trace)' : JSON.stringify(e[line])}`,
    `  erlts:      ${g[line] === undefined ? '(end of trace)' : JSON.stringify(g[line])}`,
    show('Erlang/OTP trace', e),
    show('erlts trace', g),
  ].join('\n');
}

/** Whether an executable `name` is on PATH. */
export function onPath(name: string): boolean {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir === '') continue;
    try {
      const file = join(dir, name);
      if (statSync(file).isFile()) {
        accessSync(file, constants.X_OK);
        return true;
      }
    } catch {
      // Not in this directory.
    }
  }
  return false;
}

interface ChildResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly failure: string | null;
}

/** Runs a child to completion (or `timeoutMs`); never rejects. */
function runChild(
  file: string,
  args: readonly string[],
  timeoutMs: number,
  env: Readonly<Record<string, string>> = {},
): Promise<ChildResult> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      {
        cwd: repoRoot,
        env: { ...process.env, ...env },
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: 64 * 1024 * 1024,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        const failure =
          error === null
            ? null
            : error.killed
              ? `${file} was killed after ${timeoutMs} ms`
              : `${file} exited with ${String(error.code ?? error.signal)}`;
        resolve({ stdout, stderr, failure });
      },
    );
  });
}

/** What one side of a suite produced. */
interface SideRun {
  readonly results: Map<string, ScenarioResult>;
  /** Per-scenario problems found before running (compile errors). */
  readonly problems: Map<string, string>;
  /** Diagnostics for the whole run (the runner's stderr, a crash of the runner). */
  readonly diagnostics: string;
}

async function compileErlang(
  suiteDir: string,
  names: readonly string[],
  outDir: string,
): Promise<Map<string, string>> {
  const problems = new Map<string, string>();
  const sources = [
    join(conformanceDir, `${erlangRunnerModule}.erl`),
    ...names.map((n) => join(suiteDir, `${n}.erl`)),
  ];
  const all = await runChild('erlc', ['-o', outDir, ...sources], 60_000);
  if (all.failure === null) return problems;
  // erlc stops at the first bad file: compile each alone to say which fail and why.
  const each = await Promise.all(sources.map((src) => runChild('erlc', ['-o', outDir, src], 60_000)));
  each.forEach((result, i) => {
    if (result.failure === null) return;
    const text = `erlc failed on ${relative(repoRoot, sources[i] ?? '')}:\n${result.stdout}${result.stderr}`;
    if (i === 0) throw new Error(text);
    problems.set(names[i - 1] ?? '', text);
  });
  return problems;
}

async function runErlang(
  suiteDir: string,
  names: readonly string[],
  outDir: string,
  nonce: string,
  timeoutMs: number,
  side: SideSetup,
): Promise<SideRun> {
  const problems = await compileErlang(suiteDir, names, outDir);
  const runnable = names.filter((n) => !problems.has(n));
  const transcript = join(outDir, 'transcript.txt');
  const child = await runChild(
    'erl',
    [
      ...(side.args ?? []),
      '-noshell',
      '-pa',
      outDir,
      '-run',
      erlangRunnerModule,
      'main',
      transcript,
      nonce,
      String(timeoutMs),
      ...runnable,
    ],
    timeoutMs * runnable.length + 30_000,
    side.env,
  );
  const text = existsSync(transcript) ? readFileSync(transcript, 'utf8') : '';
  const diagnostics = [child.failure ?? '', child.stdout, child.stderr].filter((s) => s !== '').join('\n');
  return { results: parseTranscript(text, nonce), problems, diagnostics };
}

async function runErlts(
  suiteDir: string,
  names: readonly string[],
  nonce: string,
  timeoutMs: number,
  side: SideSetup,
): Promise<SideRun> {
  const child = await runChild(
    process.execPath,
    [
      '--import',
      'tsx',
      '--conditions=erlts-source',
      join(conformanceDir, 'runner.ts'),
      nonce,
      String(timeoutMs),
      ...names.map((n) => join(suiteDir, `${n}.ts`)),
    ],
    timeoutMs * names.length + 30_000,
    side.env,
  );
  const diagnostics = [child.failure ?? '', child.stderr].filter((s) => s !== '').join('\n');
  return { results: parseTranscript(child.stdout, nonce), problems: new Map(), diagnostics };
}

function describeFailure(side: string, name: string, run: SideRun): string | null {
  const problem = run.problems.get(name);
  if (problem !== undefined) return problem;
  const result = run.results.get(name);
  const tail = run.diagnostics === '' ? '' : `\n${side} runner diagnostics:\n${run.diagnostics.slice(-4000)}`;
  if (result === undefined) return `${side} produced no result for ${name}${tail}`;
  if (result.status === null)
    return `${side} never finished ${name}; its output so far:\n${result.output}${tail}`;
  if (result.status !== 'ok') {
    return `${side} scenario ${name} did not finish normally: ${result.status}; its output so far:\n${result.output}`;
  }
  return null;
}

/**
 * Defines the mocha suite `conformance: <suite>`: one test per scenario pair of
 * test/conformance/<suite>/, and one failing test per file missing its twin.
 * Without `erl` on PATH, every test is skipped and one line says so.
 */
export function conformanceSuite(suite: string, options: SuiteOptions = {}): void {
  const suiteDir = join(conformanceDir, suite);
  const timeoutMs = options.scenarioTimeoutMs ?? 5000;
  const { pairs, unpaired } = discover(suiteDir);

  describe(`conformance: ${suite} (Erlang/OTP vs erlts)`, function () {
    const erlMissing = !onPath('erl') || !onPath('erlc');
    let erlang: SideRun | null = null;
    let erlts: SideRun | null = null;
    let outDir: string | null = null;
    let setup: SuiteSetup | null = null;

    before(async function () {
      if (pairs.length === 0) return;
      if (erlMissing) {
        console.log(`      conformance: ${suite}: comparison with Erlang/OTP skipped: erl is not on PATH`);
        return;
      }
      this.timeout(timeoutMs * pairs.length + 60_000);
      outDir = mkdtempSync(join(tmpdir(), `erlts-conformance-${suite}-`));
      const nonce = randomBytes(8).toString('hex');
      setup = (await options.setup?.()) ?? null;
      [erlang, erlts] = await Promise.all([
        runErlang(suiteDir, pairs, outDir, nonce, timeoutMs, setup?.erlang ?? {}),
        runErlts(suiteDir, pairs, nonce, timeoutMs, setup?.erlts ?? {}),
      ]);
    });

    after(async function () {
      this.timeout(30_000);
      await setup?.teardown();
      if (outDir !== null) rmSync(outDir, { recursive: true, force: true });
    });

    for (const { name, has, missing } of unpaired) {
      it(name, function () {
        throw new Error(`conformance scenario ${name}: ${has} has no twin ${missing}`);
      });
    }

    for (const name of pairs) {
      it(name, function () {
        if (erlMissing) this.skip();
        if (erlang === null || erlts === null) throw new Error('the suite did not run (see the before hook)');
        const failures = [describeFailure('Erlang/OTP', name, erlang), describeFailure('erlts', name, erlts)];
        if (failures.some((f) => f !== null))
          throw new Error(failures.filter((f) => f !== null).join('\n\n'));
        const own = setup?.normalise ?? ((trace: string) => trace);
        const expected = normalise(own(erlang.results.get(name)?.output ?? ''));
        const got = normalise(own(erlts.results.get(name)?.output ?? ''));
        const difference = compareTraces(expected, got);
        if (difference !== null) throw new Error(difference);
      });
    }
  });
}

/**
 * The suite folders under test/conformance that have no `<suite>.test.ts` of
 * their own (suites.test.ts defines those, so a new suite needs no test file).
 */
export function undeclaredSuites(): string[] {
  return readdirSync(conformanceDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !existsSync(join(conformanceDir, `${e.name}.test.ts`)))
    .map((e) => e.name)
    .sort();
}
