// Type-level tests of the behaviours' callback module types: `npm run typecheck` compiles this
// file (nothing runs it). A literal port, unannotated, compiles; each `@ts-expect-error` line is
// a module of the wrong shape and must fail to compile, or the type check fails. At runtime the
// same mistakes get OTP's errors (`undef`, `bad_return_value`, ...), tested in test/otp/.
import * as gen_server from 'erlts/gen_server';
import * as gen_statem from 'erlts/gen_statem';
import * as gen_event from 'erlts/gen_event';
import * as supervisor from 'erlts/supervisor';

// gen_server: ch3 as a port writes it, no annotations beyond the arguments.
const ch3 = {
  MODULE: 'ch3',
  init: (_Args: unknown) => ['ok', [[], [1, 2, 3]]],
  handle_call: (_Req: 'alloc', _From: gen_server.From, Chs: [number[], number[]]) => [
    'reply',
    Chs[1][0],
    Chs,
  ],
  handle_cast: ([, Ch]: ['free', number], Chs: [number[], number[]]) => [
    'noreply',
    [Chs[0], [Ch, ...Chs[1]]],
  ],
};

export async function gen_server_modules(): Promise<void> {
  await gen_server.start_link(['local', 'ch3'], ch3, [], []);
  await gen_server.start(ch3, [], [['timeout', 5000]]);
  // An async callback is a callback too.
  await gen_server.start({ init: async () => ['ok', 0] }, [], []);
  const fourArgs = { init: () => ['ok', 0], handle_call: (_r: 1, _f: 2, _s: 3, _x: 4) => ['reply', 1, 2] };
  // @ts-expect-error: handle_call takes three arguments, not four
  await gen_server.start(fourArgs, [], []);
  // @ts-expect-error: handle_cast returns a tuple, not a string
  await gen_server.start({ init: () => ['ok', 0], handle_cast: () => 'noreply' }, [], []);
  // @ts-expect-error: init is required
  await gen_server.start({ handle_call: () => ['reply', 1, 2] }, [], []);
  // @ts-expect-error: init must be a function
  await gen_server.start({ init: ['ok', 0] }, [], []);
  // @ts-expect-error: a misspelt start option
  await gen_server.start(ch3, [], [['timout', 5000]]);
  // The strict type checks every result, for code that wants it.
  const strict: gen_server.GenServerModule<number, 'get'> = {
    init: () => ['ok', 0],
    handle_call: (_req, _from, n) => ['reply', n, n],
  };
  void strict;
  const wrong: gen_server.GenServerModule<number, 'get'> = {
    init: () => ['ok', 0],
    // @ts-expect-error: the state is a number, not a string
    handle_call: (_req, _from, n) => ['reply', n, String(n)],
  };
  void wrong;
}

export async function gen_statem_modules(): Promise<void> {
  const code_lock = {
    callback_mode: () => 'state_functions',
    init: (Code: number[]) => ['ok', 'locked', { code: Code }],
    locked: (_T: unknown, _C: unknown, Data: unknown) => ['next_state', 'open', Data],
  };
  await gen_statem.start(code_lock, [1, 2, 3], []);
  // @ts-expect-error: callback_mode is required
  await gen_statem.start({ init: () => ['ok', 's', 0] }, [], []);
  const fiveArgs = {
    callback_mode: () => 'handle_event_function',
    init: () => ['ok', 's', 0],
    handle_event: (_a: 1, _b: 2, _c: 3, _d: 4, _e: 5) => 'keep_state_and_data',
  };
  // @ts-expect-error: handle_event takes four arguments, not five
  await gen_statem.start(fiveArgs, [], []);
}

export async function gen_event_modules(): Promise<void> {
  const terminal_logger = {
    init: (_Args: unknown) => ['ok', []],
    handle_event: (ErrorMsg: unknown, State: unknown) => ['ok', State ?? ErrorMsg],
  };
  await gen_event.add_handler('error_man', terminal_logger, []);
  const threeArgs = { init: () => ['ok', 0], handle_event: (_e: 1, _s: 2, _x: 3) => ['ok', 0] };
  // @ts-expect-error: handle_event takes two arguments, not three
  await gen_event.add_handler('error_man', threeArgs, []);
}

export async function supervisor_modules(): Promise<void> {
  const ch_sup = {
    init: (_Args: unknown) => [
      'ok',
      [{ strategy: 'one_for_one', intensity: 1, period: 5 }, [{ id: 'ch3', start: [ch3, 'start_link', []] }]],
    ],
  };
  await supervisor.start_link(ch_sup, []);
  // @ts-expect-error: init returns {ok, {Flags, Specs}} or ignore, not a number
  await supervisor.start_link({ init: () => 42 }, []);
}
