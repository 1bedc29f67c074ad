%% auto_shutdown: any_significant ends the supervisor at the first significant exit, all_significant at the last.
-module(sup_auto_shutdown).
-export([main/0, init/1, start_worker/1, start_junk/0]).

init({Flags, Specs}) -> {ok, {Flags, Specs}}.
start_junk() -> junk.
start_worker(_Id) -> {ok, spawn_link(fun() -> loop() end)}.
loop() -> receive die -> exit(died); stop -> ok end.
stop(Pid, How) -> Ref = monitor(process, Pid), Pid ! How, receive {'DOWN', Ref, process, Pid, _} -> ok end, timer:sleep(20).
spec(Id, Restart) -> #{id => Id, start => {?MODULE, start_worker, [Id]}, restart => Restart, shutdown => 100}.
pids(Sup) -> [P || {_, P, _, _} <- supervisor:which_children(Sup)].
ids(Sup) -> [I || {I, _, _, _} <- supervisor:which_children(Sup)].

main() ->
    process_flag(trap_exit, true),
    Sig = fun(Id) -> (spec(Id, transient))#{significant => true} end,
    {ok, S1} = supervisor:start_link(?MODULE, {#{auto_shutdown => any_significant}, [Sig(a), Sig(b), spec(c, permanent)]}),
    [_, _, A1] = pids(S1),
    stop(A1, stop),
    receive {'EXIT', S1, R1} -> io:format("any: ~p~n", [R1]) end,
    {ok, S2} = supervisor:start_link(?MODULE, {#{auto_shutdown => all_significant}, [Sig(a), Sig(b)]}),
    [B2, A2] = pids(S2),
    stop(A2, stop),
    io:format("all, one left: ~p~n", [is_process_alive(S2)]),
    stop(B2, die),
    io:format("all, crash restarts: ~p~n", [is_process_alive(S2)]),
    [B3] = [P || {b, P, _, _} <- supervisor:which_children(S2)],
    stop(B3, stop),
    receive {'EXIT', S2, R2} -> io:format("all: ~p~n", [R2]) end.
