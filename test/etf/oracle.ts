/**
 * A long-running `erl` that answers the ETF tests (etf_oracle.erl): it builds terms from Erlang
 * source text erlts prints, and says what OTP's term_to_binary and binary_to_term make of them.
 * Requests and replies are external terms in {packet, 4} frames on the node's stdin and stdout.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { noErlang } from '../support/erlang.js';
import {
  binary_to_term,
  BitString,
  ImproperList,
  io_lib,
  List,
  term_to_binary,
  type TermToBinaryOption,
} from 'erlts';

const here = dirname(fileURLToPath(import.meta.url));

/** What erl says of one term with one set of options. */
export interface EvalAnswer {
  /** term_to_binary(T, Opts) */
  bytes: Buffer;
  /** term_to_binary(T, [deterministic | Opts]) */
  deterministic: Buffer;
  /** binary_to_term(ErltsBytes) =:= T */
  same: boolean;
}

/** The oracle node. */
export class Oracle {
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #dir: string;
  #pending: ((reply: Buffer | null) => void)[] = [];
  #failed: string | null = null;
  #input = Buffer.alloc(0);
  #exited: Promise<void>;
  /** The pool's terms as erlts decodes erl's bytes of them: what the texts call '$erlts_pool_N'. */
  pool: unknown[] = [];

  private constructor(child: ChildProcessWithoutNullStreams, dir: string) {
    this.#child = child;
    this.#dir = dir;
    this.#exited = new Promise((resolve) =>
      child.once('exit', (code) => {
        // Whatever is still waiting will never be answered.
        for (const waiting of this.#pending.splice(0)) waiting(null);
        if (code !== 0) this.#failed = `the erl oracle exited with status ${code}`;
        resolve();
      }),
    );
    child.stdout.on('data', (chunk: Buffer) => this.#read(chunk));
  }

  /** Compiles etf_oracle.erl and starts the node; resolves once its pool is known. */
  static async start(): Promise<Oracle> {
    const dir = mkdtempSync(join(tmpdir(), 'erlts-etf-'));
    const compiled = spawnSync('erlc', ['-o', dir, join(here, 'etf_oracle.erl')], { encoding: 'utf8' });
    if (compiled.status !== 0) throw new Error(`erlc failed: ${compiled.stderr}${compiled.stdout}`);
    const child = spawn('erl', ['-noshell', '-noinput', '-pa', dir, '-s', 'etf_oracle', 'main'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      // No erl_crash.dump in the working directory if the node dies.
      env: { ...process.env, ERL_CRASH_DUMP_SECONDS: '0' },
    });
    child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    const oracle = new Oracle(child, dir);
    const bins = (await oracle.request('pool')) as Buffer[];
    oracle.pool = bins.map((b) => binary_to_term(b));
    return oracle;
  }

  #read(chunk: Buffer): void {
    this.#input = Buffer.concat([this.#input, chunk]);
    while (this.#input.length >= 4) {
      const n = this.#input.readUInt32BE(0);
      if (this.#input.length < 4 + n) return;
      const frame = this.#input.subarray(4, 4 + n);
      this.#input = this.#input.subarray(4 + n);
      this.#pending.shift()?.(Buffer.from(frame));
    }
  }

  /** Sends one request term; resolves with the reply term (decoded by erlts). */
  request(term: unknown): Promise<unknown> {
    const body = term_to_binary(term);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(body.length);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the erl oracle did not answer in 60 s')), 60_000);
      if (this.#failed !== null) return reject(new Error(this.#failed));
      this.#pending.push((reply) => {
        clearTimeout(timer);
        if (reply === null) reject(new Error(this.#failed ?? 'the erl oracle exited'));
        else resolve(binary_to_term(reply));
      });
      this.#child.stdin.write(Buffer.concat([head, body]));
    });
  }

  /**
   * For each text's term and each set of options: erl's term_to_binary with those options, with
   * `deterministic` added, and whether erl reads erlts's bytes (one per set of options) to it.
   */
  async eval(
    items: readonly [text: string, ours: readonly Buffer[]][],
    optsList: readonly (readonly TermToBinaryOption[])[],
  ): Promise<(EvalAnswer[] | string)[]> {
    const reply = (await this.request([
      'eval',
      toList(optsList.map((opts) => toList(opts))),
      toList(items.map(([text, ours]) => [Buffer.from(text, 'utf8'), toList(ours)])),
    ])) as unknown[];
    return reply.map((r) => {
      const a = r as unknown[];
      if (a[0] !== 'ok') return String(a[1]);
      return (a[1] as unknown[][]).map(([bytes, deterministic, same]) => ({
        bytes: bytes as Buffer,
        deterministic: deterministic as Buffer,
        same: same === true,
      }));
    });
  }

  /** erl's term_to_binary of each text's term. */
  async make(texts: readonly string[], opts: readonly TermToBinaryOption[] = []): Promise<Buffer[]> {
    const reply = (await this.request([
      'make',
      toList(opts),
      toList(texts.map((t) => Buffer.from(t, 'utf8'))),
    ])) as unknown[];
    return reply.map((r, i) => {
      if (!(r instanceof Uint8Array))
        throw new Error(`erl could not make ${texts[i]}: ${String((r as unknown[])[1])}`);
      return r as Buffer;
    });
  }

  /** For each binary: erl's term_to_binary(binary_to_term(B)) and the bytes it used, or null for badarg. */
  async decode(bins: readonly Buffer[]): Promise<([Buffer, number] | null)[]> {
    const reply = (await this.request(['decode', toList(bins)])) as unknown[];
    return reply.map((r) =>
      r === 'error' ? null : [(r as unknown[])[1] as Buffer, (r as unknown[])[2] as number],
    );
  }

  /** Closes the node's stdin, which ends it. */
  async stop(): Promise<void> {
    this.#child.stdin.end();
    await this.#exited;
    rmSync(this.#dir, { recursive: true, force: true });
  }

  /** Erlang source text for a term: io_lib's `~w`, with pool terms named by their atoms. */
  text(term: unknown): string {
    return io_lib.format('~w', [this.#named(term)]);
  }

  #named(t: unknown): unknown {
    const i = this.pool.indexOf(t);
    if (i >= 0) return `$erlts_pool_${i}`;
    if (t instanceof List) return toList(t.map((e) => this.#named(e)));
    if (Array.isArray(t)) return t.map((e) => this.#named(e));
    if (t instanceof ImproperList)
      return new ImproperList(
        t.head.map((e) => this.#named(e)),
        this.#named(t.tail),
      );
    if (t instanceof Map)
      return new Map([...(t as Map<unknown, unknown>)].map(([k, v]) => [this.#named(k), this.#named(v)]));
    if (
      t !== null &&
      typeof t === 'object' &&
      !(t instanceof Uint8Array) &&
      !(t instanceof BitString) &&
      !(t instanceof Number)
    ) {
      const proto: unknown = Object.getPrototypeOf(t);
      if (proto === Object.prototype || proto === null) {
        const out: Record<string, unknown> = {};
        // defineProperty, not `out[k] =`: a key '__proto__' is a key like any other here.
        for (const k of Object.keys(t)) {
          const value = this.#named((t as Record<string, unknown>)[k]);
          Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
        }
        return out;
      }
    }
    return t;
  }
}

function toList<T>(items: readonly T[]): List<T> {
  const l = new List<T>();
  for (const x of items) l.push(x);
  return l;
}

/**
 * Starts an oracle before the tests of the enclosing describe (skipping them, with the usual
 * message, when erl is missing) and stops it after them.
 * @returns a getter of the running oracle
 */
export function withOracle(): () => Oracle {
  let oracle: Oracle | undefined;
  before(async function () {
    if (!erlAvailable()) {
      console.log(`      ${noErlang}`);
      this.skip();
    }
    oracle = await Oracle.start();
  });
  after(async function () {
    await oracle?.stop();
  });
  return () => oracle as Oracle;
}

/** Whether erl and erlc are on PATH. */
export function erlAvailable(): boolean {
  return spawnSync('erlc', ['-help'], { stdio: 'ignore' }).error === undefined;
}
