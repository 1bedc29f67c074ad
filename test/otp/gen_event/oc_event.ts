/**
 * OTP's gen_event_SUITE_data/oc_event.erl: a handler with only init/1, ported. Its start/0
 * lives in the suite (oc_event_start): mocha loads TypeScript as CommonJS, where a module's
 * import of itself is not the object its importers get, so the suite passes this namespace.
 */
export const MODULE = 'oc_event';

export function init(_Args: unknown) {
  return ['ok', ['state']];
}
