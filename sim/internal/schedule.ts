/**
 * A schedule is data: the process the scheduler ran at each step, and the faults that struck.
 * It is what a run is replayed from, and what shrinking makes shorter. Its text form is short
 * enough for a one-line replay call: `'1.2*3.1|k5:3,d12'` is "process 1, then 2 three times,
 * then 1; kill process 3 before step 5; drop the 12th send". A step that fires a due timer is
 * `t` and the timer's arming number (`t4`); one that delivers a held message, minus its receiver.
 */
import { type SocketFaultKind, badarg } from '../../runtime/internal/sim-api.js';

/** Where the numbers of timer steps start: above any process's. */
export const timerBase = 1_000_000_000;

/** A process, as a fault names it: its number in the trace (`3` for `<0.3.0>`) or its registered name. */
export type ProcessSelector = number | string;

/**
 * A fault: on a process or a socket before a step, or on the n-th message sent (counting from 1,
 * as the trace). A socket is named by its number in the trace (`socket #2`, in the order the
 * simulation's sockets were made); `close`, `reset` and `half_close` act on the connection as if
 * that end did it, `delay` holds its incoming events for that many virtual ms, `slow` takes them
 * one per that many virtual ms.
 */
export type Fault =
  | { readonly step: number; readonly kill: ProcessSelector }
  | { readonly step: number; readonly exit: ProcessSelector; readonly reason: string }
  | { readonly step: number; readonly socket: number; readonly fault: SocketFaultKind }
  | { readonly step: number; readonly socket: number; readonly delay: number }
  | { readonly step: number; readonly socket: number; readonly slow: number }
  | { readonly send: number; readonly drop: true }
  | { readonly send: number; readonly delay: number }
  | { readonly send: number; readonly hold: true };

/** A fault on a process, before a step. */
export type StepFault = Extract<Fault, { readonly step: number }>;
/** A fault on a message. */
export type SendFault = Extract<Fault, { readonly send: number }>;

/** A run's choices and faults. */
export interface Schedule {
  /** The number of the process run at each step. */
  readonly choices: readonly number[];
  readonly faults: readonly Fault[];
}

/**
 * Faults drawn from the seed: the chance that each step kills a process (not the scenario's
 * own), and that each message between the simulation's processes is dropped, delayed (by up to
 * `maxDelay` virtual ms) or held back to arrive after later ones from other senders.
 */
export interface Chaos {
  readonly kill?: number;
  readonly drop?: number;
  readonly delay?: number;
  readonly hold?: number;
  /** The chance that each step strikes a socket of the simulation with a random socket fault. */
  readonly socket?: number;
  /** The longest delay, in virtual ms (default 1000). */
  readonly maxDelay?: number;
}

function selector(text: string): ProcessSelector {
  return /^\d+$/.test(text) ? Number(text) : text;
}

/** The text form of a fault. */
export function faultText(f: Fault): string {
  if ('socket' in f) {
    if ('fault' in f) return `s${f.step}:${f.socket}=${f.fault}`;
    return 'delay' in f ? `s${f.step}:${f.socket}~${f.delay}` : `s${f.step}:${f.socket}/${f.slow}`;
  }
  if ('kill' in f) return `k${f.step}:${f.kill}`;
  if ('exit' in f) return `x${f.step}:${f.exit}=${f.reason}`;
  if ('drop' in f) return `d${f.send}`;
  if ('delay' in f) return `w${f.send}=${f.delay}`;
  return `h${f.send}`;
}

/** What a fault does, in words, for the trace. */
export function faultWords(f: Fault): string {
  if ('socket' in f) {
    if ('fault' in f) return `fault: ${f.fault} socket #${f.socket}`;
    return 'delay' in f
      ? `fault: delay socket #${f.socket}'s input by ${f.delay} ms`
      : `fault: socket #${f.socket} reads one event per ${f.slow} ms`;
  }
  if ('kill' in f) return `fault: exit(${f.kill}, kill)`;
  if ('exit' in f) return `fault: exit(${f.exit}, ${f.reason})`;
  if ('drop' in f) return `fault: drop send #${f.send}`;
  if ('delay' in f) return `fault: delay send #${f.send} by ${f.delay} ms`;
  return `fault: hold send #${f.send}`;
}

/**
 * The text form of a schedule: `'1.2*3.1|k5:3,d12'` is process 1, then 2 three times, then 1;
 * kill process 3 before step 5; drop the 12th send.
 * @example
 * // A recorded schedule, edited by hand to drop its faults, then replayed:
 * const s = decodeSchedule(failure.schedule);
 * await simulate({ seed: failure.seed, schedule: encodeSchedule({ ...s, faults: [] }) }, scenario);
 */
export function encodeSchedule(s: Schedule): string {
  const parts: string[] = [];
  const c = s.choices;
  for (let i = 0; i < c.length;) {
    let j = i + 1;
    while (j < c.length && c[j] === c[i]) j++;
    const n = c[i] as number;
    // A due timer's step is t<its arming number>; a held message's, minus its receiver.
    const token = n >= timerBase ? `t${n - timerBase}` : String(n);
    parts.push(j - i > 1 ? `${token}*${j - i}` : token);
    i = j;
  }
  const faults = s.faults.map(faultText).join(',');
  return faults === '' ? parts.join('.') : `${parts.join('.')}|${faults}`;
}

/**
 * Reads a schedule's text form (see {@link encodeSchedule}).
 * @throws ErlangError badarg naming the part that is not one
 * @example
 * // The choices of a failing run, to look at or edit:
 * const { choices, faults } = decodeSchedule('1.2*3.1|k5:3');
 */
export function decodeSchedule(text: string): Schedule {
  const [steps = '', faults = ''] = text.split('|');
  const choices: number[] = [];
  for (const part of steps === '' ? [] : steps.split('.')) {
    const m = /^(-?\d+|t\d+)(?:\*(\d+))?$/.exec(part);
    if (m === null)
      badarg(
        'erlts/sim:decodeSchedule/1',
        `${JSON.stringify(part)} in schedule ${JSON.stringify(text)} is not a step`,
      );
    const token = m[1] as string;
    const n = token.startsWith('t') ? timerBase + Number(token.slice(1)) : Number(token);
    for (let k = Number(m[2] ?? 1); k > 0; k--) choices.push(n);
  }
  const fs: Fault[] = [];
  for (const part of faults === '' ? [] : faults.split(',')) {
    let m: RegExpExecArray | null;
    if ((m = /^s(\d+):(\d+)=(close|reset|half_close)$/.exec(part)) !== null)
      fs.push({ step: Number(m[1]), socket: Number(m[2]), fault: m[3] as SocketFaultKind });
    else if ((m = /^s(\d+):(\d+)~(\d+)$/.exec(part)) !== null)
      fs.push({ step: Number(m[1]), socket: Number(m[2]), delay: Number(m[3]) });
    else if ((m = /^s(\d+):(\d+)\/(\d+)$/.exec(part)) !== null)
      fs.push({ step: Number(m[1]), socket: Number(m[2]), slow: Number(m[3]) });
    else if ((m = /^k(\d+):(.+)$/.exec(part)) !== null)
      fs.push({ step: Number(m[1]), kill: selector(m[2] as string) });
    else if ((m = /^x(\d+):([^=]+)=(.+)$/.exec(part)) !== null)
      fs.push({ step: Number(m[1]), exit: selector(m[2] as string), reason: m[3] as string });
    else if ((m = /^d(\d+)$/.exec(part)) !== null) fs.push({ send: Number(m[1]), drop: true });
    else if ((m = /^w(\d+)=(\d+)$/.exec(part)) !== null) fs.push({ send: Number(m[1]), delay: Number(m[2]) });
    else if ((m = /^h(\d+)$/.exec(part)) !== null) fs.push({ send: Number(m[1]), hold: true });
    else
      badarg(
        'erlts/sim:decodeSchedule/1',
        `${JSON.stringify(part)} in schedule ${JSON.stringify(text)} is not a fault`,
      );
  }
  return { choices, faults: fs };
}
