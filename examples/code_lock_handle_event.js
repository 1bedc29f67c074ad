// @ts-check
// The code lock of OTP Design Principles' gen_statem chapter, handle_event_function version, line by
// line, with its state timeout.
//   node examples/code_lock_handle_event.js
//
// start_link(Code) -> gen_statem:start_link({local,?NAME}, ?MODULE, Code, []).
// button(Button) -> gen_statem:cast(?NAME, {button,Button}).
// init(Code) -> do_lock(), Data = #{code => Code, length => length(Code), buttons => []},
//     {ok, locked, Data}.
// callback_mode() -> handle_event_function.
// handle_event(cast, {button,Button}, State, #{code := Code} = Data) ->
//     case State of
//         locked ->
//             #{length := Length, buttons := Buttons} = Data,
//             NewButtons = if length(Buttons) < Length -> Buttons; true -> tl(Buttons) end ++ [Button],
//             if NewButtons =:= Code -> do_unlock(),
//                     {next_state, open, Data#{buttons := []}, [{state_timeout,10000,lock}]};
//                true -> {keep_state, Data#{buttons := NewButtons}}
//             end;
//         open -> keep_state_and_data
//     end;
// handle_event(state_timeout, lock, open, Data) -> do_lock(), {next_state, locked, Data}.
// do_lock() -> io:format("Lock~n", []).
// do_unlock() -> io:format("Unlock~n", []).
// terminate(_Reason, State, _Data) -> State =/= locked andalso do_lock(), ok.
import * as gen_statem from 'erlts/gen_statem';
import { io, list, run, timer } from 'erlts';
import { pathToFileURL } from 'node:url';
import * as code_lock from './code_lock_handle_event.js';

export const MODULE = 'code_lock';
const NAME = 'code_lock';
/** The state timeout, 10000 ms as in the guide; the demo passes a shorter one as argv[2]. */
const OpenTime = Number(process.argv[2] ?? 10000);

/** @param {unknown[]} Code */
export const start_link = (Code) => gen_statem.start_link(['local', NAME], code_lock, Code, []);
/** @param {unknown} Button */
export const button = (Button) => gen_statem.cast(NAME, ['button', Button]);

/** @param {unknown[]} Code */
export function init(Code) {
  do_lock();
  const Data = { code: list(...Code), length: Code.length, buttons: list() };
  return ['ok', 'locked', Data];
}

export const callback_mode = () => 'handle_event_function';

/**
 * @param {unknown} Type
 * @param {unknown} Content
 * @param {unknown} State
 * @param {{ code: unknown[], length: number, buttons: unknown[] }} Data
 */
export function handle_event(Type, Content, State, Data) {
  if (Type === 'cast' && Array.isArray(Content) && Content[0] === 'button') {
    if (State === 'locked') {
      const { code: Code, length: Length, buttons: Buttons } = Data;
      const NewButtons = list(...(Buttons.length < Length ? Buttons : Buttons.slice(1)), Content[1]);
      if (NewButtons.join() === Code.join()) {
        do_unlock();
        return [
          'next_state',
          'open',
          { ...Data, buttons: list() },
          list(['state_timeout', OpenTime, 'lock']),
        ];
      }
      return ['keep_state', { ...Data, buttons: NewButtons }];
    }
    return 'keep_state_and_data';
  }
  // handle_event(state_timeout, lock, open, Data) -> do_lock(), {next_state, locked, Data}.
  do_lock();
  return ['next_state', 'locked', Data];
}

const do_lock = () => io.format('Lock~n', []);
const do_unlock = () => io.format('Unlock~n', []);

/**
 * @param {unknown} _Reason
 * @param {unknown} State
 * @param {unknown} _Data
 */
export function terminate(_Reason, State, _Data) {
  if (State !== 'locked') do_lock();
  return 'ok';
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await run(async () => {
    await start_link([1, 2, 3, 4]);
    for (const B of [9, 1, 2, 3, 4]) button(B);
    await timer.sleep(OpenTime + 50);
    for (const B of [1, 2, 3, 4]) button(B);
    await timer.sleep(20);
    await gen_statem.stop(NAME);
  });
}
