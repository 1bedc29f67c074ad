/** A callback module without init, as the suite's oc_init_server (which does not exist). */
export const MODULE = 'oc_init_server';

export function handle_call(_r: unknown, _f: unknown, s: unknown): ['reply', 'ok', unknown] {
  return ['reply', 'ok', s];
}
