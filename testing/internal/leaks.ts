/**
 * What a test leaves behind, and the sweep that removes it: the core both test plugins run
 * after each test (and once at the end, for what the suite's own hooks left).
 *
 * A {@link Snapshot} taken before the test says what is not the test's: the processes, ports,
 * sockets and Node handles that existed then (the suite's fixtures). After the test, the
 * test's leftovers are the processes alive now that were not then (never the shell: the test
 * body runs as the shell), the ports and sockets opened since that the shell or those
 * processes own, and the Node handles (process.getActiveResourcesInfo()) above their count
 * before. The sweep
 *
 *   1. waits up to the grace period for them to end by themselves (a server that exits when
 *      its client closes is not a leak), checking every few milliseconds;
 *   2. names what is still there (pids with initial_call, ports and sockets with their owner);
 *   3. closes the shell's ports and sockets and, if it closed any, gives the processes one more
 *      grace period to end on the tcp_closed that sends them (so a handler linked to a fixture
 *      server exits normally rather than take the fixture down with its kill);
 *   4. unlinks the shell from the processes still alive and kills them, which closes the
 *      ports and sockets they own (erlts closes a dead owner's sockets), and cancels the erlts
 *      timers the test armed at the shell, so their messages cannot land in a later test;
 *   5. waits (bounded) for Node to release what was closed, and names the handles still
 *      active beyond the count before (a raw setTimeout, a raw node:net server;
 *      requests in flight are not handles that leak, and are not counted);
 *   6. empties the shell's mailbox, puts its trap_exit flag back and drops a name the test
 *      registered it under.
 *
 * At the end of the run, when handles are still active, the shell itself is killed: that
 * cancels the timers it armed (erlts cancels a dead process's timers), so the run can end; the
 * next call outside any process makes a new shell.
 *
 * Every wait is bounded (four grace periods at most): the sweep never hangs. Its waits use
 * Node's timers, not erlts's clock: a test may have installed a simulated clock, and real time
 * is what Node's handles need to close.
 */
import {
  cancel_timer,
  exit,
  flush,
  read_timer,
  is_process_alive,
  port_info,
  ports,
  process_flag,
  process_info,
  processes,
  self,
  unlink,
  unregister,
  type Pid,
  type Port,
  type Ref,
} from 'erlts';
import * as inet from 'erlts/inet';
import * as socket from 'erlts/socket';
import { describe, isSystemProcess, timersAimedAt } from '../../runtime/internal/library-api.js';
import { current } from './config.js';

/** What existed before a test: none of it is the test's. */
export interface Snapshot {
  readonly pids: ReadonlySet<Pid>;
  readonly ports: ReadonlySet<Port>;
  readonly sockets: ReadonlySet<socket.Socket>;
  /** The erlts timers aimed at the shell. */
  readonly timers: ReadonlySet<Ref>;
  /** Node's active resources by kind (Timeout, TCPServerWrap, TCPSocketWrap, ...), counted. */
  readonly handles: ReadonlyMap<string, number>;
  readonly trapExit: boolean;
  /** The shell's registered name, or null. */
  readonly name: string | null;
}

/** What a test left: the leftovers still there after the grace period. */
interface Survey {
  readonly shell: Pid;
  readonly pids: readonly Pid[];
  readonly ports: readonly Port[];
  readonly sockets: readonly socket.Socket[];
  /** erlts timers aimed at the shell that were armed since. */
  readonly timers: readonly Ref[];
  /** By kind, how many more Node handles are active than before. */
  readonly handles: ReadonlyMap<string, number>;
}

/**
 * Requests in flight (a file read, a DNS lookup, a write or connect under way, a crypto job):
 * they end by themselves, so they are no leak. A test runner's own (node:test reports over a
 * pipe, tsx writes its cache) come and go between a snapshot and a sweep.
 */
const inFlight = /Req|Job$|^(ConnectWrap|WriteWrap|ShutdownWrap|SendWrap)$/;

function handleCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) {
    if (!inFlight.test(kind)) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return counts;
}

function shellName(shell: Pid): string | null {
  const info = process_info(shell, 'registered_name');
  return Array.isArray(info) && typeof info[1] === 'string' ? info[1] : null;
}

function shellTraps(shell: Pid): boolean {
  const info = process_info(shell, 'trap_exit');
  return info !== 'undefined' && info[1] === true;
}

/**
 * Takes stock of what exists now, synchronously (so a mocha hook takes it before its own timer
 * is armed).
 * @returns the snapshot
 */
export function takeSnapshot(): Snapshot {
  const shell = self();
  return {
    pids: new Set(processes()),
    ports: new Set(ports()),
    sockets: new Set(socket.which_sockets()),
    timers: new Set(timersAimedAt(shell)),
    handles: handleCounts(),
    trapExit: shellTraps(shell),
    name: shellName(shell),
  };
}

function ownerOf(port: Port): Pid | null {
  const info = port_info(port, 'connected');
  return info === 'undefined' ? null : info[1];
}

/** Node handle counts by kind. */
export type Counts = ReadonlyMap<string, number>;

/** The sum of two counts. */
export function addCounts(a: Counts, b: Counts): Counts {
  const out = new Map(a);
  for (const [kind, n] of b) out.set(kind, (out.get(kind) ?? 0) + n);
  return out;
}

/**
 * How many more handles of each kind are active than in `before`.
 * @param allowance - handles not to count, by kind (the caller's own, those already reported)
 */
function handleGrowth(before: Snapshot, allowance: Counts): Map<string, number> {
  const out = new Map<string, number>();
  for (const [kind, n] of handleCounts()) {
    const grown = n - (before.handles.get(kind) ?? 0) - (allowance.get(kind) ?? 0);
    if (grown > 0) out.set(kind, grown);
  }
  return out;
}

function survey(before: Snapshot, allowance: Counts): Survey {
  const shell = self();
  const pids = processes().filter(
    (pid) => pid !== shell && !isSystemProcess(pid) && !before.pids.has(pid) && is_process_alive(pid),
  );
  const theirs = new Set<Pid>([shell, ...pids]);
  const owned = (owner: unknown): boolean => theirs.has(owner as Pid);
  return {
    shell,
    pids,
    ports: ports().filter((port) => !before.ports.has(port) && owned(ownerOf(port))),
    sockets: socket
      .which_sockets(({ owner }: { owner: unknown }) => owned(owner))
      .filter((s) => !before.sockets.has(s)),
    timers: timersAimedAt(shell).filter((ref) => !before.timers.has(ref)),
    handles: handleGrowth(before, allowance),
  };
}

function isClean(s: Survey): boolean {
  return (
    s.pids.length === 0 &&
    s.ports.length === 0 &&
    s.sockets.length === 0 &&
    s.timers.length === 0 &&
    s.handles.size === 0
  );
}

/** One step of waiting: a few milliseconds, then a turn so the timer that fired is gone. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 5));
  await new Promise((resolve) => setImmediate(resolve));
}

/** Waits until `done()` or `ms` have passed, checking after each step. */
async function waitUntil(ms: number, done: () => boolean): Promise<void> {
  const until = performance.now() + ms;
  while (!done() && performance.now() < until) await settle();
}

/** A promise that gives up after `ms`: closing is synchronous in erlts, but never trust a wait. */
function bounded<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

async function describePort(port: Port): Promise<string> {
  const owner = ownerOf(port);
  const parts: string[] = [];
  const info = await bounded(inet.info(port), 100);
  if (info !== 'timeout' && Array.isArray(info['states'])) {
    const states = info['states'] as unknown[];
    parts.push(states.includes('listen') ? 'listening' : states.includes('connected') ? 'connected' : 'open');
  }
  const name = await bounded(inet.sockname(port), 100);
  if (name !== 'timeout' && name[0] === 'ok') parts.push(`on ${endpoint(name[1])}`);
  parts.push(`owner ${describe(owner)}`);
  return `port ${describe(port)} (${parts.join(', ')})`;
}

function endpoint(addr: unknown): string {
  if (!Array.isArray(addr)) return describe(addr);
  const [ip, portNo] = addr as [unknown, unknown];
  if (ip === 'local') return `local ${describe(portNo)}`;
  const text = inet.ntoa(ip);
  return typeof text === 'string' ? `${text}:${String(portNo)}` : describe(addr);
}

function describeSocket(s: socket.Socket): string {
  const info = socket.info(s);
  const kind = [info['domain'], info['type'], info['protocol']].map((x) => describe(x)).join(' ');
  return `socket ${describe(s)} (${kind}, owner ${describe(info['owner'])})`;
}

function describeTimer(ref: Ref): string {
  const left = read_timer(ref);
  return `timer ${describe(ref)} aimed at the shell${left === false ? '' : ` (${left} ms left)`}`;
}

function describeProcess(pid: Pid): string {
  const parts: string[] = [];
  const name = process_info(pid, 'registered_name');
  if (Array.isArray(name) && typeof name[1] === 'string') parts.push(`registered as ${name[1]}`);
  const call = process_info(pid, 'initial_call');
  if (call !== 'undefined') parts.push(`initial_call ${describe(call[1])}`);
  return `process ${describe(pid)}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}

/** Puts the shell back as it was before the test: mailbox empty, trap_exit as it was, no new name. */
function resetShell(before: Snapshot): void {
  const shell = self();
  if (shellTraps(shell) !== before.trapExit) process_flag('trap_exit', before.trapExit);
  const name = shellName(shell);
  if (name !== null && name !== before.name) unregister(name);
  flush();
}

/** How a sweep runs. */
export interface SweepOptions {
  /** Node handles the caller itself holds during the sweep, by kind (a mocha hook's timer). */
  readonly allowance?: Counts;
  /** Node handles still active that an earlier sweep reported already, by kind. */
  readonly reported?: Counts;
  /**
   * The run is over: when Node handles are still active, the shell is killed too, which
   * cancels the timers it armed (erlts cancels a dead process's timers), so the run can end.
   */
  readonly endOfRun?: boolean;
}

/** What a sweep found. */
export interface SweepResult {
  /** One line per leftover: processes, ports, sockets, then the Node handles still active. */
  readonly lines: readonly string[];
  /** The Node handles it reported, by kind, to pass on as `reported` to a later sweep. */
  readonly handles: Counts;
}

/**
 * Finds what the test left behind since `before`, removes it, and names it.
 * @param before - the snapshot taken before the test
 * @param options - see {@link SweepOptions}
 * @returns what it found; no lines when the test left nothing
 */
export async function sweep(before: Snapshot, options: SweepOptions = {}): Promise<SweepResult> {
  const { grace } = current();
  const own = options.allowance ?? new Map<string, number>();
  const allowance = addCounts(own, options.reported ?? new Map<string, number>());
  let found = survey(before, allowance);
  if (!isClean(found)) {
    await waitUntil(grace, () => isClean((found = survey(before, allowance))));
  }
  const lines = [
    ...found.pids.map(describeProcess),
    ...(await Promise.all(found.ports.map(describePort))),
    ...found.sockets.map(describeSocket),
    ...found.timers.map(describeTimer),
  ];
  let handles = found.handles;
  for (const ref of found.timers) cancel_timer(ref);
  if (found.pids.length + found.ports.length + found.sockets.length + found.timers.length > 0) {
    const shells = [
      ...found.ports.filter((port) => ownerOf(port) === found.shell).map((port) => inet.close(port)),
      ...found.sockets.filter((s) => socket.info(s)['owner'] === found.shell).map((s) => socket.close(s)),
    ];
    for (const closing of shells) await bounded(closing, 100);
    const alive = (): Pid[] => found.pids.filter((pid) => is_process_alive(pid));
    if (shells.length > 0) await waitUntil(grace, () => alive().length === 0);
    for (const pid of alive()) {
      unlink(pid);
      exit(pid, 'kill');
    }
    await waitUntil(grace, () => (handles = handleGrowth(before, allowance)).size === 0);
  }
  if (handles.size > 0) {
    const text = [...handles].map(([kind, n]) => `${kind} +${n}`).join(', ');
    lines.push(`Node handles still active: ${text}`);
  }
  if (options.endOfRun === true && handleGrowth(before, own).size > 0) {
    exit(self(), 'kill');
    await waitUntil(grace, () => handleGrowth(before, own).size === 0);
  }
  resetShell(before);
  return { lines, handles };
}

/**
 * The error a leak fails a test with: its message names what leaked, and its stack is the
 * message alone (the plugin's own frames would say nothing about the test).
 * @param what - `test "..."`, or what ran (`the suites' before/after hooks`)
 * @param lines - from {@link sweep}
 * @returns the error
 */
export function leakError(what: string, lines: readonly string[]): Error {
  const acts = [];
  if (lines.some((line) => line.startsWith('process '))) acts.push('killed the processes');
  if (lines.some((line) => /^(port|socket) /.test(line))) acts.push('closed the sockets');
  if (lines.some((line) => line.startsWith('timer '))) acts.push('cancelled the timers');
  const done = acts.length > 0 ? ` (erlts has ${acts.join(' and ')})` : '';
  const error = new Error(`${what} leaked${done}:\n  ${lines.join('\n  ')}`);
  error.name = 'LeakError';
  error.stack = `${error.name}: ${error.message}`;
  return error;
}
