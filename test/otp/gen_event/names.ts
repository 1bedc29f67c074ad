/**
 * Where an Erlang scenario prints a term holding its module (which_handlers, get_state,
 * gen_event_EXIT), erlts holds the module object: this prints it by its MODULE name, as OTP
 * prints the atom (io_lib prints an object as a map).
 */
export function names(term: unknown): unknown {
  if (typeof term === 'object' && term !== null && !Array.isArray(term) && 'MODULE' in term)
    return term.MODULE;
  if (Array.isArray(term)) {
    const out = term.map(names);
    Object.setPrototypeOf(out, Object.getPrototypeOf(term) as object);
    return out;
  }
  return term;
}
