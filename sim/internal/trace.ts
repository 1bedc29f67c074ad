/**
 * A run's trace: what happened at each step, kept as data and rendered on demand, as text (one
 * line per event: step, virtual ms, pid, event) or as a Mermaid sequence diagram.
 *
 * Pids, refs and ports are numbered from the simulation's start (`<0.1.0>` is the scenario's
 * own process, `#Ref<1>` the first ref the trace shows), so two runs compare line by line even
 * though the runtime's own serials go on counting.
 */
import { describe } from '../../runtime/internal/sim-api.js';

/** What an event of the trace records. */
export type EventKind =
  | 'start'
  | 'receive'
  | 'timeout'
  | 'io'
  | 'send'
  | 'spawn'
  | 'exit'
  | 'fault'
  | 'deliver'
  | 'drop'
  | 'hold'
  | 'log'
  | 'note';

/** One event: at scheduler step `step`, virtual time `ms`, process `pid` (its number). */
export interface TraceEvent {
  readonly step: number;
  readonly ms: number;
  readonly pid: number;
  readonly kind: EventKind;
  /** The message, exit reason, spawned process's number, ... as the kind says. */
  readonly data: unknown;
  /** For a send: the receiver's number. */
  readonly to?: number | undefined;
  /** For a send: its number in the run (what a fault on it names). */
  readonly n?: number | undefined;
}

/** How a trace names what it shows: the simulation's numbering of pids and its process names. */
export interface Naming {
  /** The number of the process whose pid has serial `serial`, if it was the simulation's. */
  pidNumber(serial: number): number | undefined;
  /** A label for process `n`: its first registered name or its function's name. */
  label(n: number): string;
}

/**
 * A run's trace: one line per event (step, virtual ms, pid, event) with `lines()` and
 * `toString()`, and `mermaid()` for a sequence diagram. Pids, refs and ports are numbered from the
 * simulation's start, so traces of two runs compare line by line.
 * @example
 * // dbg:tracer(), dbg:p(all, [m, procs]) prints what happens; a trace keeps it, renumbered:
 * const { trace } = await simulate({ seed: 1 }, scenario);
 * console.log(trace.toString());
 * console.log(trace.mermaid());
 */
export class Trace {
  #lines: string[] | null = null;
  /** Events the trace dropped from its front to stay within its limit. */
  readonly dropped: number;

  constructor(
    readonly events: readonly TraceEvent[],
    readonly naming: Naming,
    dropped = 0,
  ) {
    this.dropped = dropped;
  }

  /** One line per event. */
  lines(): string[] {
    if (this.#lines === null) {
      const render = new Renderer(this.naming);
      this.#lines = this.events.map((e) => {
        const head = `${String(e.step).padStart(6)} ${String(e.ms).padStart(9)}ms ${render.pid(e.pid).padEnd(10)}`;
        return `${head} ${render.event(e)}`;
      });
      if (this.dropped > 0) this.#lines.unshift(`(${this.dropped} earlier events not kept)`);
    }
    return this.#lines;
  }

  /** The trace as text. */
  toString(): string {
    return this.lines().join('\n');
  }

  /** The last `n` lines. */
  tail(n: number): string {
    return this.lines().slice(-n).join('\n');
  }

  /**
   * The run as a Mermaid `sequenceDiagram`: a participant per process, an arrow per message,
   * notes for timeouts, exits and faults.
   * @param limit - at most this many events (the last ones)
   */
  mermaid(limit = 400): string {
    const render = new Renderer(this.naming);
    const events = this.events.slice(-limit);
    const seen = new Set<number>();
    const lines: string[] = [];
    const who = (n: number): string => {
      if (!seen.has(n)) {
        seen.add(n);
        lines.splice(
          1 + seen.size - 1,
          0,
          `  participant P${n} as ${escape(`${render.pid(n)} ${this.naming.label(n)}`)}`,
        );
      }
      return `P${n}`;
    };
    lines.push('sequenceDiagram');
    for (const e of events) {
      const at = `${e.step}: `;
      switch (e.kind) {
        case 'send':
          lines.push(`  ${who(e.pid)}->>${who(e.to as number)}: ${escape(at + render.term(e.data))}`);
          break;
        case 'spawn':
          lines.push(`  ${who(e.pid)}-)${who(e.data as number)}: ${escape(`${at}spawn`)}`);
          break;
        case 'timeout':
          lines.push(`  Note over ${who(e.pid)}: ${escape(`${at}after (${e.ms} ms)`)}`);
          break;
        case 'exit':
          lines.push(`  Note over ${who(e.pid)}: ${escape(`${at}exit ${render.term(e.data)}`)}`);
          break;
        case 'fault':
        case 'drop':
        case 'hold':
        case 'note':
          lines.push(`  Note over ${who(e.pid === 0 ? 1 : e.pid)}: ${escape(at + render.event(e))}`);
          break;
        case 'deliver':
          lines.push(
            `  ${who(e.pid)}-->>${who(e.to as number)}: ${escape(`${at}late ${render.term(e.data)}`)}`,
          );
          break;
        case 'io':
          lines.push(`  Note over ${who(e.pid)}: ${escape(at + render.event(e))}`);
          break;
        default:
          break;
      }
    }
    return lines.join('\n');
  }
}

/** Text Mermaid shows as it is: no `;`, `#` or line break, and not too long. */
function escape(text: string): string {
  const cut = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  return cut.replace(/[#;]/g, (c) => (c === '#' ? '#35;' : '#59;')).replace(/[\r\n]+/g, ' ');
}

/** Renders pids, refs and ports in the trace's own numbering. */
export class Renderer {
  readonly #refs = new Map<string, number>();
  readonly #ports = new Map<string, number>();
  readonly #foreign = new Map<string, number>();

  constructor(readonly naming: Naming) {}

  pid(n: number): string {
    return n === 0 ? 'sim' : `<0.${n}.0>`;
  }

  term(value: unknown): string {
    return this.text(describe(value));
  }

  /** `text` with the pids, refs and ports in it renumbered. */
  text(text: string): string {
    return text
      .replace(/<0\.(\d+)\.(\d+)>/g, (text, num: string, ser: string) => {
        // A pid of this node prints its serial split as OTP's: 15 bits of number, then the rest.
        const n = this.naming.pidNumber(Number(ser) * 0x8000 + Number(num));
        return n !== undefined ? `<0.${n}.0>` : `<ext.${number(this.#foreign, text)}>`;
      })
      .replace(/#Ref<0\.\d+\.\d+\.\d+>/g, (text) => `#Ref<${number(this.#refs, text)}>`)
      .replace(/#Port<0\.(\d+)>/g, (text) => `#Port<${number(this.#ports, text)}>`);
  }

  event(e: TraceEvent): string {
    switch (e.kind) {
      case 'start':
        return `start ${String(e.data)}`;
      case 'receive':
        return `receive ${this.term(e.data)}`;
      case 'timeout':
        return 'after: timeout';
      case 'io':
        // A socket call's result; null is a connect's or a send's plain success.
        return `io ${e.data === null || e.data === undefined ? 'ok' : this.term(e.data)}`;
      case 'send':
        return `send #${e.n ?? 0} ${this.pid(e.to as number)} ${this.term(e.data)}`;
      case 'spawn':
        return `spawn ${this.pid(e.data as number)} ${this.naming.label(e.data as number)}`;
      case 'exit':
        return `exit ${this.term(e.data)}`;
      case 'deliver':
        return `deliver late to ${this.pid(e.to as number)} ${this.term(e.data)}`;
      case 'drop':
        return `drop (fault) send to ${this.pid(e.to as number)} ${this.term(e.data)}`;
      case 'hold':
        return `hold (fault) send to ${this.pid(e.to as number)} ${this.term(e.data)}`;
      case 'fault':
      case 'note':
        return String(e.data);
      case 'log':
        return `log ${cut(this.text(String(e.data)), 160)}`;
    }
  }
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

function number(table: Map<string, number>, key: string): number {
  let n = table.get(key);
  if (n === undefined) table.set(key, (n = table.size + 1));
  return n;
}
