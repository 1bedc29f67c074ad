/**
 * What erlts/sim may use of the runtime's internals: the simulation hooks, the process record's
 * public face, spawning, exit signals and the clock. Like the driver API (driver-api.ts) for the
 * network modules, it is the only runtime internal sim/ may import (scripts/check-deps.mjs).
 */
export {
  setSimulator,
  simulator,
  type Simulator,
  type RunKind,
  type IoGate,
  type SocketFaultKind,
} from './sim-hooks.js';
export { type Clock, type TimerHandle, SelfCancellingTimer, systemClock } from './clock.js';
export { currentOwner, outsideProcesses } from './context.js';
export {
  type Process,
  spawnProcess,
  sendExitSignal,
  processOf,
  processNamed,
  shellProcess,
} from './process.js';
export { describe, badarg, ExitError } from './errors.js';
export { formatTerm } from './terms.js';
export { Pid, Ref, Port } from './terms.js';
