/**
 * Root hooks: after every test, no process but the shell may be alive, no
 * erlts timer armed, and no more Node handles (sockets, servers, timers)
 * active than before the test began — as MQTT.js's leaked.ts does.
 * A leak fails the test that left it, naming what leaked.
 */
import { processes, self, is_process_alive, process_info, exit, flush } from 'erlts';
import { isSystemProcess } from '../../runtime/internal/library-api.js';

function handleCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}

let before = new Map<string, number>();

/** Waits 5 ms, then one more turn so the timer just fired is no longer counted. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 5));
  await new Promise((resolve) => setImmediate(resolve));
}

export const mochaHooks = {
  beforeEach(): void {
    before = handleCounts();
  },
  async afterEach(this: Mocha.Context): Promise<void> {
    const shell = self();
    const counted = (pid: ReturnType<typeof self>): boolean => pid !== shell && !isSystemProcess(pid);
    let leaked = [...processes()].filter(counted);
    let handles: string[] = [];
    for (let attempt = 0; attempt < 20; attempt++) {
      await settle();
      leaked = [...processes()].filter((pid) => counted(pid) && is_process_alive(pid));
      const after = handleCounts();
      // This async hook runs under one timer of Mocha's own, absent from the sync beforeEach.
      after.set('Timeout', (after.get('Timeout') ?? 1) - 1);
      handles = [...after]
        .filter(([kind, n]) => n > (before.get(kind) ?? 0))
        .map(([kind, n]) => `${kind} +${n - (before.get(kind) ?? 0)}`);
      if (leaked.length === 0 && handles.length === 0) break;
    }
    // The shell's mailbox belongs to the test that filled it.
    flush();
    if (leaked.length === 0 && handles.length === 0) return;
    const described = leaked.map((pid) => `${pid} ${JSON.stringify(process_info(pid, 'initial_call'))}`);
    for (const pid of leaked) exit(pid, 'kill');
    const what = [...described.map((d) => `process ${d}`), ...handles.map((h) => `handle ${h}`)];
    throw new Error(`test "${this.currentTest?.fullTitle() ?? '?'}" leaked: ${what.join('; ')}`);
  },
};
