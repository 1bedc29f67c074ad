/**
 * What the distribution (net_kernel/, rpc/, erpc/, global/) may use of the runtime's internals, as
 * driver-api.ts is for the network modules: install itself as the runtime's {@link Distribution},
 * name this node, find local processes by pid, name and alias, hand them messages and the signals
 * that arrive from other nodes, spawn the processes other nodes ask for, and the external term
 * format. scripts/check-deps.mjs keeps those folders to this module.
 */
import {
  type Process,
  aliasTarget,
  allProcesses,
  liveSelf,
  processNamed,
  processOf,
  self,
  sendExitSignal,
  spawnProcess,
} from './process.js';
import { type Pid, Ref } from './terms.js';

export type { Process };
export {
  setDistribution,
  distribution,
  type Distribution,
  type ProcessLike,
  type SpawnMfa,
  type SpawnRequestOptions,
} from './dist-hooks.js';
export {
  NodeId,
  nodeId,
  nodeOf,
  noNodeName,
  setThisNode,
  thisNode,
  thisNodeName,
  externalPid,
  externalRef,
} from './node-ids.js';
export { applyExport, exportedFunction, registerModule, unregisterModule, moduleNamed } from './modules.js';
export { getClock, type Clock, type TimerHandle } from './clock.js';
export { badarg, describe, ErlangError, ExitException, ThrownValue } from './errors.js';
export { List, list, toList, isList, termKind, Pid } from './terms.js';
export { Ref };
export { caughtException, spawnLibraryProcess } from './library-process.js';
export { log, logReport } from './logger.js';
export { processNamed, processOf, allProcesses, liveSelf, self, spawnProcess };

/**
 * Hands `msg`, which came from another node, to the local process `to` (a pid, an alias or a
 * registered name); dropped when there is none, as OTP drops it.
 */
export function deliverLocal(to: Pid | Ref | string, msg: unknown): void {
  const proc =
    typeof to === 'string' ? processNamed(to) : to instanceof Ref ? aliasTarget(to) : processOf(to);
  proc?.offer(msg);
}

/**
 * An exit signal from a process of another node to the local `to`: from a link (`linked`, and
 * only if the link is still there: an unlinked one is ignored, as the link protocol says) or from
 * exit/2.
 */
export function remoteExit(from: Pid, to: Pid, reason: unknown, linked: boolean): void {
  const proc = processOf(to);
  if (proc === null) return;
  if (linked && !proc.unlinkRemote(from)) return;
  sendExitSignal(proc, from, reason, linked);
}

/** Every live local process's node-down handling for `node` (links, monitors). */
export function nodeDownEverywhere(node: string): void {
  for (const proc of [...allProcesses()]) proc.nodeDown(node);
}
export { TermWriter, encodeExternalTerm, decodeExternalTerm, distEncoding } from './etf/index.js';
