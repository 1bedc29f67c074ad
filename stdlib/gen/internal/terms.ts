/** Term tests the behaviours share. */
import { isList } from '../../../runtime/internal/library-api.js';

/**
 * Whether `x` is a tuple of `size` elements (a plain array, not a `List`) whose first element is
 * `tag`, when a tag is given: how a behaviour tells its callbacks' results apart.
 */
export function isTuple(x: unknown, size: number, tag?: unknown): x is unknown[] {
  return Array.isArray(x) && x.length === size && !isList(x) && (tag === undefined || x[0] === tag);
}
