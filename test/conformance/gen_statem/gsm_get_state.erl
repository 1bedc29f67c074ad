-module(gsm_get_state).
-export([main/0, callback_mode/0, init/1, locked/3, open/3]).
%% sys:get_state gives {State, Data}; replace_state changes both, and the machine goes on in the
%% new state.
main() ->
    {ok, P} = gen_statem:start({local, gsm_lock}, ?MODULE, 3, []),
    io:format("~p~n", [sys:get_state(gsm_lock)]),
    io:format("~p~n", [sys:replace_state(gsm_lock, fun({locked, N}) -> {open, N + 1} end)]),
    io:format("~p~n", [gen_statem:call(gsm_lock, which)]),
    io:format("~p~n", [sys:get_state(P)]),
    gen_statem:stop(gsm_lock).
callback_mode() -> state_functions.
init(N) -> {ok, locked, N}.
locked({call, From}, which, N) -> {keep_state_and_data, {reply, From, {locked, N}}}.
open({call, From}, which, N) -> {next_state, locked, N * 10, {reply, From, {open, N}}}.
