/** What the ported handler modules of gen_event_SUITE share: public erlts only. */
import { ErlangError, error, list } from 'erlts';
export { after, receive, self, send, send_after, type Pid } from 'erlts';

/** erlang:error(Reason). */
export function erlang_error(Reason: unknown): never {
  return error(Reason);
}

/** The undef Erlang raises for Mod:Fun() when Mod has no Fun/0. */
export function erlang_undef(Mod: { MODULE?: string }, Fun: string): never {
  throw new ErlangError(['undef', list([Mod.MODULE, Fun, list(), list()])], `undef: ${Mod.MODULE}:${Fun}/0`);
}
