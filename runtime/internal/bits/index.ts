/**
 * Erlang's bit syntax: the `bin` template tag that builds binaries and binary patterns, and
 * matching against those patterns. Pure functions over Buffers.
 */
export { bin } from './bin.js';
export { matchBinary, isBinPattern, type BinPattern, type Bindings } from './bin-pattern.js';
