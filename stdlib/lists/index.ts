/**
 * erlts/lists — OTP 25's `lists` module: every function it exports, with its names, argument
 * order, results and errors. Lists in are any arrays (DESIGN §2), lists out are `List`s,
 * tuples are plain arrays, funs are JS functions, and order is Erlang's term order. Results
 * match OTP's exactly, down to the order OTP's sorts and merges give inputs that break their
 * contract (unsorted lists to merge, a sort fun that is not an ordering); the few places JS
 * cannot follow are in docs/DEVIATIONS.md.
 *
 * `lists:delete/2` is `lists.delete` through the namespace import; `delete` is a reserved word,
 * so a named import is `delete_`.
 *
 * @example
 * import * as lists from 'erlts/lists';
 * lists.keysort(2, [['a', 3], ['b', 1]]); // list(['b', 1], ['a', 3])
 */
export {
  append,
  concat,
  delete_,
  delete_ as delete,
  droplast,
  duplicate,
  enumerate,
  flatlength,
  flatten,
  join,
  last,
  max,
  member,
  min,
  nth,
  nthtail,
  prefix,
  reverse,
  seq,
  split,
  sublist,
  subtract,
  suffix,
  sum,
  uniq,
  unzip,
  unzip3,
  zip,
  zip3,
} from './internal/elements.js';
export {
  all,
  any,
  dropwhile,
  filter,
  filtermap,
  flatmap,
  foldl,
  foldr,
  foreach,
  map,
  mapfoldl,
  mapfoldr,
  partition,
  search,
  splitwith,
  takewhile,
  zf,
  zipwith,
  zipwith3,
} from './internal/higher-order.js';
export {
  keydelete,
  keyfind,
  keymap,
  keymember,
  keyreplace,
  keysearch,
  keystore,
  keytake,
  type TupleOf,
} from './internal/keys.js';
export {
  keymerge,
  keysort,
  merge,
  merge3,
  rkeymerge,
  rmerge,
  rmerge3,
  rukeymerge,
  rumerge,
  rumerge3,
  sort,
  ukeymerge,
  ukeysort,
  umerge,
  umerge3,
  usort,
} from './internal/sorting.js';
