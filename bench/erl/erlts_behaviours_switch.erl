%% The gen_statem of the behaviours benchmark (bench/cases/behaviours.ts, `statem`): a two-state
%% switch each cast flips; a call reads how many times it flipped.
-module(erlts_behaviours_switch).
-behaviour(gen_statem).
-export([init/1, callback_mode/0, off/3, on/3]).

callback_mode() -> state_functions.
init(_) -> {ok, off, 0}.
off(cast, _, N) -> {next_state, on, N + 1};
off({call, From}, _, N) -> {keep_state_and_data, [{reply, From, N}]}.
on(cast, _, N) -> {next_state, off, N + 1};
on({call, From}, _, N) -> {keep_state_and_data, [{reply, From, N}]}.
