%% More restarts than the intensity allows: the supervisor shuts its children down and exits shutdown.
-module(sup_intensity).
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
    {ok, Sup} = supervisor:start_link(?MODULE, {{one_for_one, 1, 10}, [spec(a, permanent), spec(b, permanent)]}),
    [B1, _] = pids(Sup),
    stop(B1, die),
    [B2, A2] = pids(Sup),
    io:format("restarted once, alive: ~p~n", [is_process_alive(B2)]),
    stop(B2, die),
    receive {'EXIT', Sup, Reason} -> io:format("supervisor exit: ~p~n", [Reason]) end,
    io:format("a alive: ~p~n", [is_process_alive(A2)]).
