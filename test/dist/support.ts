/**
 * Fixtures of the distribution tests: free ports, real `erl` nodes that evaluate what the test
 * asks (one expression per line on stdin, one `~w` result per line on stdout), the real `epmd`
 * binary on a port of the test's own, and an EPMD of erlts's.
 */
import { spawn, execFile, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { EpmdServer } from '../../net_kernel/internal/epmd-server.js';
import { erlangAvailable } from '../support/erlang.js';

export { erlangAvailable, noErlang } from '../support/erlang.js';

const run = promisify(execFile);

/** Whether the `epmd` binary is on PATH (it comes with erl). */
export const haveErlang = erlangAvailable();

/** A port nothing listens on right now (listened on, then closed). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** A connected loopback pair: [client, server]. */
export async function socketPair(): Promise<[net.Socket, net.Socket]> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as net.AddressInfo).port;
  const accepted = new Promise<net.Socket>((r) => server.once('connection', r));
  const client = net.createConnection({ host: '127.0.0.1', port });
  await new Promise((r) => client.once('connect', r));
  const other = await accepted;
  server.close(); // stops listening now; its callback would wait for the pair to close
  return [client, other];
}

/** Resolves after `ms` (a test's own wait, not the runtime's). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` every 50 ms until it holds, for at most `ms`. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  ms: number,
  what: string,
): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`not within ${ms} ms: ${what}`);
    await sleep(50);
  }
}

/** A temporary directory, removed by `cleanup`. */
export function tempDir(prefix: string): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

// The eval loop each erl node runs: "Id<TAB>Expr" in, "@@Id Result" out (Result by ~w, an
// exception as {'EXCEPTION',Class,Reason}).
const LOOP = String.raw`
Loop = fun Loop(B) ->
  case io:get_line("") of
    eof -> halt();
    Line ->
      [Id, Src] = string:split(string:trim(Line, trailing, "\n"), "\t"),
      {R, B2} = try
        {ok, T, _} = erl_scan:string(Src),
        {ok, E} = erl_parse:parse_exprs(T),
        {value, V, NB} = erl_eval:exprs(E, B),
        {V, NB}
      catch C:Re -> {{'EXCEPTION', C, Re}, B} end,
      io:format("~n@@~s ~w~n", [Id, R]),
      Loop(B2)
  end
end,
io:format("~n@@ready ~w~n", [node()]),
Loop(erl_eval:new_bindings()).`;

/** How an erl node is started. */
export interface ErlOptions {
  /** `-sname` (the default) or `-name` value. */
  readonly sname: string;
  readonly cookie?: string;
  /** The EPMD port (ERL_EPMD_PORT); erl does not start an epmd of its own (-start_epmd false). */
  readonly epmdPort: number;
  readonly hidden?: boolean;
  /** More arguments (`-kernel net_ticktime 4`). */
  readonly args?: readonly string[];
  /** More environment (HOME). */
  readonly env?: Record<string, string>;
}

/** A running erl node. */
export class ErlNode {
  readonly #p: ChildProcessWithoutNullStreams;
  #out = '';
  #next = 1;
  readonly #waiters = new Set<() => void>();
  readonly #exited: Promise<void>;
  #dead = false;
  /** The node's name, as it printed it. */
  node = '';

  private constructor(o: ErlOptions) {
    const args = ['-sname', o.sname, '-start_epmd', 'false', '-noshell'];
    if (o.cookie !== undefined) args.push('-setcookie', o.cookie);
    if (o.hidden === true) args.push('-hidden');
    args.push(...(o.args ?? []), '-eval', LOOP);
    this.#p = spawn('erl', args, {
      env: { ...process.env, ERL_EPMD_PORT: String(o.epmdPort), ERL_CRASH_DUMP_SECONDS: '0', ...o.env },
      stdio: 'pipe',
    });
    const take = (d: Buffer): void => {
      this.#out += d.toString();
      for (const w of this.#waiters) w();
    };
    this.#p.stdout.on('data', take);
    this.#p.stderr.on('data', take);
    this.#exited = new Promise((resolve) =>
      this.#p.once('close', () => {
        this.#dead = true;
        for (const w of this.#waiters) w();
        resolve();
      }),
    );
  }

  /** Starts a node and waits until it evaluates (10 s at most). */
  static async start(o: ErlOptions): Promise<ErlNode> {
    const n = new ErlNode(o);
    const m = await n.waitFor(/@@ready (\S+)/, 10_000);
    n.node = (m[1] ?? '').replace(/^'|'$/g, '');
    return n;
  }

  /** Everything it printed (stdout and stderr: the logger's reports land there). */
  get output(): string {
    return this.#out;
  }

  /** Waits for `re` in the output (`ms` at most). */
  waitFor(re: RegExp, ms = 10_000): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const m = this.#out.match(re);
        if (m === null && !this.#dead) return;
        this.#waiters.delete(check);
        clearTimeout(timer);
        if (m !== null) resolve(m);
        else reject(new Error(`erl exited before printing ${String(re)}:\n${this.#out}`));
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(check);
        reject(new Error(`erl printed no ${String(re)} within ${ms} ms:\n${this.#out}`));
      }, ms);
      this.#waiters.add(check);
      check();
    });
  }

  /** Evaluates `expr` on the node: its `~w` text. */
  async eval(expr: string, ms = 15_000): Promise<string> {
    const id = `e${this.#next++}`;
    const src = expr.trim().replace(/\n/g, ' ');
    this.#p.stdin.write(`${id}\t${src.endsWith('.') ? src : src + '.'}\n`);
    const m = await this.waitFor(new RegExp(`@@${id} (.*)\\n`), ms);
    return m[1] ?? '';
  }

  /** Stops the process (SIGSTOP) or lets it go on (SIGCONT), as a node that hangs. */
  signal(sig: 'SIGSTOP' | 'SIGCONT'): void {
    this.#p.kill(sig);
  }

  /** Kills the node at once (SIGKILL), as a machine that dies: its peers see the connection go. */
  kill(): void {
    this.#p.kill('SIGKILL');
  }

  /** Halts the node and waits for the process to end. */
  async stop(): Promise<void> {
    if (!this.#dead) {
      this.#p.kill('SIGCONT');
      this.#p.stdin.end();
      const timer = setTimeout(() => this.#p.kill('SIGKILL'), 5000);
      await this.#exited;
      clearTimeout(timer);
    }
  }
}

/** The real epmd binary on `port`, as a daemon; `kill` stops it (`epmd -kill`). */
export async function startRealEpmd(port: number): Promise<{ kill: () => Promise<void> }> {
  await run('epmd', ['-port', String(port), '-daemon']);
  await eventually(
    async () => {
      try {
        await run('epmd', ['-port', String(port), '-names']);
        return true;
      } catch {
        return false;
      }
    },
    5000,
    'epmd answering',
  );
  return {
    kill: async () => {
      await run('epmd', ['-port', String(port), '-kill']).catch(() => undefined);
    },
  };
}

/** `epmd -port Port -names`: what the real client prints. */
export async function epmdNames(port: number): Promise<string> {
  const r = await run('epmd', ['-port', String(port), '-names']);
  return r.stdout;
}

/** An EPMD of erlts's on a free loopback port, for a suite's nodes (erl with ERL_EPMD_PORT). */
export async function listenEpmd(): Promise<EpmdServer> {
  const s = await EpmdServer.listen({ port: 0, address: '127.0.0.1' });
  if (!(s instanceof EpmdServer)) throw new Error(s.error);
  return s;
}
