/**
 * What the library modules written in TypeScript on top of the runtime (the stdlib ports:
 * lists, string, maps, proplists, binary; the test-suite plugins) may use of its internals:
 * the one term classifier and term order, term equality, the error helpers, the list and
 * string conversions the runtime's own BIFs use, and the timers aimed at a process. Like the driver API (driver-api.ts) for the
 * network modules, it is the only runtime internal those modules may import
 * (scripts/check-deps.mjs).
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
  type TermKind,
  type AtomValue,
} from './terms.js';
export { compareTerms } from './term-order.js';
export { badarg, describe } from './errors.js';
export { timersAimedAt } from './timers.js';
