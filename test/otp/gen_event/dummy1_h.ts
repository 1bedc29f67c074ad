/** OTP's lib/stdlib/test/dummy1_h.erl: the second test event handler of gen_event_SUITE, ported. */
import { erlang_error, send, type Pid } from './support.js';

export const MODULE = 'dummy1_h';

export function init(Args: unknown) {
  if (Args === 'make_error') return ['error', 'my_error'];
  if (Array.isArray(Args) && Args.length === 2 && Args[1] === 'error') return 'non_existing'; // swap from non-existing handler.
  if (Array.isArray(Args) && Args[0] === 'swap' && Array.isArray(Args[1]) && Args[1][0] === 'ok')
    return ['ok', Args[1][1]];
  if (Array.isArray(Args) && Args.length === 1) return ['ok', Args[0]]; // We will send special responses for every handled event.
  return erlang_error('function_clause');
}

export function handle_event(Event: unknown, Parent: unknown) {
  if (Event === 'delete_event') return 'remove_handler';
  if (Event === 'do_crash') return erlang_error(['badmatch', 4]);
  // Inverse of dummy_h
  if (Event === 'hibernate') return ['ok', Parent];
  if (Event === 'wakeup') return ['ok', Parent, 'hibernate'];
  send(Parent as Pid, ['dummy1_h', Event]);
  return ['ok', Parent];
}

export function handle_call(Query: unknown, State: unknown) {
  if (Query === 'delete_call') return ['remove_handler', 'ok'];
  return ['ok', 'ok', State];
}

export function handle_info(Info: unknown, Parent: unknown) {
  if (Info === 'delete_info') return 'remove_handler';
  if (Info === 'do_crash') return erlang_error(['badmatch', 4]);
  if (Info === 'gnurf') return ['ok', Parent, 'hibernate'];
  send(Parent as Pid, ['dummy1_h', Info]);
  return ['ok', Parent];
}

export function terminate(Reason: unknown, Parent: unknown) {
  if (Reason === 'return_hej') return 'return_hej';
  if (Reason === 'remove_handler') return send(Parent as Pid, ['dummy1_h', 'removed']);
  return 'ok';
}

export function format_status(_Opt: unknown, [_PDict, _State]: [unknown, unknown]) {
  return 'dummy1_h handler state';
}
