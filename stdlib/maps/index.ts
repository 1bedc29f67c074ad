/**
 * erlts/maps — OTP 25's `maps` module. A map is a plain object (atom keys, DESIGN §2) or a JS
 * Map (any keys, compared as Erlang terms); each function gives back the kind it was given, and
 * lists keys in Erlang's term order, as OTP 25 does for maps of up to 32 keys. `new` and `with`
 * are JS keywords, exported under their Erlang names all the same: `maps.new()`, `maps.with(...)`.
 *
 * @example
 * import * as maps from 'erlts/maps';
 * maps.put('b', 2, { a: 1 }); // { a: 1, b: 2 }
 */
export {
  filter,
  filtermap,
  find,
  fold,
  foreach,
  from_keys,
  from_list,
  get,
  groups_from_list,
  intersect,
  intersect_with,
  is_key,
  iterator,
  keys,
  map,
  merge,
  merge_with,
  new_ as new,
  next,
  put,
  remove,
  size,
  take,
  to_list,
  update,
  update_with,
  values,
  with_ as with,
  without,
  MapIterator,
} from './internal/maps.js';
