/** OTP's lib/stdlib/test/dummy_h.erl: the test event handler of gen_event_SUITE, ported. */
import { after, erlang_error, erlang_undef, receive, self, send, send_after, type Pid } from './support.js';

export const MODULE = 'dummy_h';

export function init(Args: unknown) {
  if (Args === 'make_error') return ['error', 'my_error'];
  if (Array.isArray(Args) && Args[0] === 'state' && Args.length === 2) return ['ok', Args[1]];
  if (Array.isArray(Args) && Args.length === 1) return ['ok', Args[0]]; // We will send special responses for every handled event.
  if (Array.isArray(Args) && Args.length === 2 && Args[1] === 'hibernate')
    return ['ok', Args[0], 'hibernate'];
  return erlang_error('function_clause');
}

export function handle_event(Event: unknown, State: unknown) {
  if (Array.isArray(Event) && Event[0] === 'swap_event')
    return ['swap_handler', 'swap', State, Event[1], Event[2]];
  if (Event === 'error_event') return ['return', 'faulty'];
  if (Event === 'do_crash') return erlang_error(['badmatch', 4]);
  if (Event === 'hibernate') return ['ok', [], 'hibernate'];
  if (Event === 'wakeup') return ['ok', []];
  if (Array.isArray(Event) && Event[1] === 'handle_event') {
    send(Event[0] as Pid, 'handled_event');
    return ['ok', []];
  }
  send(State as Pid, ['dummy_h', Event]);
  return ['ok', State];
}

export async function handle_call(Query: unknown, State: unknown) {
  if (Query === 'hejsan') return ['ok', ['ok', 'hejhopp'], State];
  if (Array.isArray(Query) && Query[0] === 'swap_call')
    return ['swap_handler', ['ok', 'swapped'], 'swap', State, Query[1], Query[2]];
  if (Query === 'error_call') return ['return', 'faulty'];
  if (Query === 'exit_call') return erlang_error(['badmatch', 4]);
  if (Query === 'hibernate') return ['ok', true, [], 'hibernate'];
  if (Query === 'hibernate_later') {
    send_after(1000, self(), 'sleep');
    return ['ok', 'later', []];
  }
  if (Array.isArray(Query) && Query[0] === 'delayed_answer') {
    await receive(after(Query[1] as number, () => 'ok'));
    return ['ok', 'delayed', State];
  }
  return ['ok', 'ok', State];
}

export function handle_info(Info: unknown, State: unknown) {
  if (Array.isArray(Info) && Info[0] === 'swap_info')
    return ['swap_handler', 'swap', State, Info[1], Info[2]];
  if (Info === 'error_info') return ['return', 'faulty'];
  if (Info === 'do_crash') return erlang_error(['badmatch', 4]);
  if (Info === 'sleep') return ['ok', [], 'hibernate'];
  if (Info === 'wake' || Info === 'gnurf') return ['ok', []];
  if (Array.isArray(Info) && Info[1] === 'handle_info') {
    send(Info[0] as Pid, 'handled_info');
    return ['ok', []];
  }
  send(State as Pid, ['dummy_h', Info]);
  return ['ok', State];
}

export function terminate(Reason: unknown, State: unknown) {
  if (Reason === 'return_hej') return 'return_hej';
  if (Reason === 'swap') return ['ok', State];
  if (Array.isArray(Reason) && Reason[0] === 'error' && Array.isArray(Reason[1]) && Reason[1][0] === 'return')
    return send(State as Pid, ['dummy_h', 'returned_error']);
  if (Array.isArray(State) && State[0] === 'undef_in_terminate') {
    const [Mod, Fun] = State[1] as [Record<string, () => unknown>, string];
    // Mod:Fun() — dummy_h has no terminate/0.
    const f = Mod[Fun];
    if (typeof f !== 'function' || f.length !== 0) return erlang_undef(Mod, Fun);
    f();
    return 'ok';
  }
  return 'ok';
}

export function format_status(S: { state?: unknown }) {
  return { ...S, state: 'dummy1_h handler state' };
}
