/**
 * What the library modules written in TypeScript on top of the runtime (the stdlib ports:
 * lists, string, maps, proplists, binary; the OTP behaviours; the test-suite plugins) may use of
 * its internals: the one term classifier and term order, term equality, the error helpers, the
 * list and string conversions the runtime's own BIFs use, the timers aimed at a process, and
 * what proc_lib needs of a process (spawning with an initial call, caught exceptions as Erlang
 * sees them, the logger). Like the driver API (driver-api.ts) for the network modules, it is the
 * only runtime internal those modules may import (scripts/check-deps.mjs).
 */
export {
  List,
  list,
  toList,
  isList,
  termKind,
  termEquals,
  mapPairs,
  mapGet,
  atomText,
  moduleName,
  isModuleNamespace,
  type TermKind,
  type AtomValue,
} from './terms.js';
export { compareTerms } from './term-order.js';
export { badarg, describe, ProcessExited } from './errors.js';
export { timersAimedAt } from './timers.js';
export { log, logReport, reportHeader, type LogEvent } from './logger.js';
export {
  spawnLibraryProcess,
  isSystemProcess,
  setCurrentFunction,
  caughtException,
  hideFramesFrom,
  isAlias,
  noMessage,
  setDictionarySeeder,
  setStackHead,
  takeQueued,
  type SpawnSpec,
} from './library-process.js';
