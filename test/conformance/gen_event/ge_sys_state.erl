%% sys on an event manager: get_state is [{Module, Id, State}] (Id false for a bare module),
%% replace_state maps each, suspend holds events until resume.
-module(ge_sys_state).
-export([main/0, init/1, handle_event/2, handle_call/2]).

init(S) -> {ok, S}.
handle_event(E, S) -> io:format("~p got ~p~n", [S, E]), {ok, S}.
handle_call(_Q, S) -> {ok, S, S}.

main() ->
    {ok, M} = gen_event:start({local, ge_sys_mgr}),
    ok = gen_event:add_handler(ge_sys_mgr, ?MODULE, plain),
    ok = gen_event:add_handler(ge_sys_mgr, {?MODULE, 7}, seven),
    io:format("~p~n", [sys:get_state(ge_sys_mgr)]),
    io:format("~p~n", [sys:replace_state(M, fun({Mod, Id, S}) -> {Mod, Id, {new, S}} end)]),
    io:format("~p~n", [sys:get_state(M)]),
    ok = sys:suspend(M),
    ok = gen_event:notify(M, while_suspended),
    timer:sleep(30),
    io:format("resuming~n"),
    ok = sys:resume(M),
    ok = gen_event:sync_notify(M, after_resume),
    {status, M, {module, _}, [_, running, _, _, Items]} = sys:get_status(M),
    io:format("~p~n", [proplists:get_value(header, Items)]),
    ok = gen_event:stop(ge_sys_mgr).
