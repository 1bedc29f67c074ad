/** What the ported handler modules of gen_event_SUITE share. */
import { error } from 'erlts';
import { undef } from '../../../stdlib/gen/internal/module.js';
export { after, receive, self, send, send_after, type Pid } from 'erlts';

/** erlang:error(Reason). */
export function erlang_error(Reason: unknown): never {
  return error(Reason);
}

/** The undef Erlang raises for Mod:Fun() when Mod has no Fun/0. */
export function erlang_undef(Mod: { MODULE?: string }, Fun: string): never {
  throw undef(Mod, Fun, []);
}
