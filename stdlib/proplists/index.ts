/**
 * erlts/proplists — OTP 25's `proplists` module: property lists, the option lists of OTP's
 * APIs, read and rewritten as OTP does. A property is an atom (`debug`, short for
 * `{debug, true}`) or a tuple whose first element is its key (`['size', 10]`); keys compare
 * with `=:=`. Lists out are `List`s, maps out are plain objects (any-keyed ones JS Maps).
 *
 * `proplists:delete/2` is `proplists.delete` through the namespace import; `delete` is a
 * reserved word, so a named import is `delete_`.
 *
 * @example
 * import * as proplists from 'erlts/proplists';
 * proplists.get_value('active', ['binary', ['active', 'once']]); // 'once'
 */
export {
  append_values,
  compact,
  delete_,
  delete_ as delete,
  get_all_values,
  get_bool,
  get_keys,
  get_value,
  is_defined,
  lookup,
  lookup_all,
  property,
  split,
  unfold,
  type proplist,
} from './internal/properties.js';
export {
  expand,
  from_map,
  normalize,
  substitute_aliases,
  substitute_negations,
  to_map,
  type stage,
} from './internal/normalizing.js';
