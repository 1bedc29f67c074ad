/**
 * The erlts side of the conformance harness (see harness.ts), run as a child:
 *
 *   node --import tsx --conditions=erlts-source runner.ts <nonce> <timeout-ms> <scenario.ts>...
 *
 * Imports each scenario and runs its default export inside `run(...)`, one
 * after the other, writing the same framing as erlts_conformance_runner.erl:
 *
 *   \n@@<nonce> begin <name>\n<output>\n@@<nonce> end <name> <status>\n
 *
 * The frames go to fd 1 with writeSync, as io.format writes, so output and
 * frames cannot be reordered. After each scenario every process but the shell
 * (and the node's system processes) is killed, as the Erlang side kills the
 * scenario's group.
 *
 * With ERLTS_CONFORMANCE_SNAME set (the dist suite), the runner first makes
 * this Node process a distributed node of that short name, with the cookie
 * ERLTS_CONFORMANCE_COOKIE, as the Erlang side's `erl -sname`.
 */
import { basename } from 'node:path';
import { writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  ErlangError,
  ExitException,
  ThrownValue,
  exit,
  io_lib,
  processes,
  run,
  self,
  set_cookie,
} from 'erlts';
import * as net_kernel from 'erlts/net_kernel';
import { isSystemProcess } from '../../runtime/internal/library-api.js';

function write(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(1, bytes, offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}

/** A term as Erlang's `~0P` (depth 12) would show it; never throws. */
function show(term: unknown): string {
  try {
    return io_lib.format('~0P', [term, 12]);
  } catch {
    return String(term);
  }
}

/** The class and reason of an exception escaping a scenario, as the Erlang side's `Class:Reason`. */
function crash(error: unknown): string {
  if (ErlangError.is(error)) return `error:${show(error.reason)}`;
  if (ExitException.is(error)) return `exit:${show(error.reason)}`;
  if (ThrownValue.is(error)) return `throw:${show(error.value)}`;
  return `error:${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
}

function oneLine(text: string): string {
  return text.replace(/\n/g, ' ');
}

/** Kills every process but the shell and waits a turn for the deaths to settle. */
async function killLeftovers(): Promise<void> {
  const shell = self();
  for (const pid of processes()) if (pid !== shell && !isSystemProcess(pid)) exit(pid, 'kill');
  await new Promise((resolve) => setImmediate(resolve));
}

/** Imports a scenario; its default export, or a crash status saying why not. */
async function load(file: string): Promise<(() => Promise<void>) | string> {
  try {
    const main = ((await import(pathToFileURL(file).href)) as { default?: unknown }).default;
    if (typeof main !== 'function') return 'crash the module has no default export function';
    return main as () => Promise<void>;
  } catch (error) {
    return `crash import failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

async function execute(scenario: () => Promise<void>, timeoutMs: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const finished = run(async () => {
    try {
      await scenario();
      return 'ok';
    } catch (error) {
      return `crash ${crash(error)}`;
    }
  }).catch((error: unknown) => `crash exit:${show((error as { reason?: unknown }).reason)}`);
  const status = await Promise.race([finished, timedOut]);
  clearTimeout(timer);
  await killLeftovers();
  return oneLine(status);
}

/** Makes this Node process the node `sname@<host>`, as `erl -sname sname -setcookie cookie`. */
async function startNode(sname: string, cookie: string | undefined): Promise<void> {
  await run(async () => {
    const started = await net_kernel.start([sname, 'shortnames']);
    if (started[0] !== 'ok') throw new Error(`net_kernel:start failed: ${show(started)}`);
    if (cookie !== undefined) set_cookie(cookie);
  });
}

async function main(): Promise<void> {
  const [nonce, timeoutText, ...files] = process.argv.slice(2);
  if (nonce === undefined || timeoutText === undefined) {
    throw new Error('usage: runner.ts <nonce> <timeout-ms> <scenario.ts>...');
  }
  const timeoutMs = Number(timeoutText);
  const sname = process.env['ERLTS_CONFORMANCE_SNAME'];
  if (sname !== undefined) await startNode(sname, process.env['ERLTS_CONFORMANCE_COOKIE']);
  for (const file of files) {
    const name = basename(file, '.ts');
    // Loaded before the begin frame: module loading is not the scenario's time.
    const scenario = await load(file);
    write(`\n@@${nonce} begin ${name}\n`);
    const status = typeof scenario === 'string' ? scenario : await execute(scenario, timeoutMs);
    write(`\n@@${nonce} end ${name} ${oneLine(status)}\n`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `conformance runner failed: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(2);
  },
);
