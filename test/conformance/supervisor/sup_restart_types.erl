%% permanent, transient and temporary children ending normally and abnormally.
-module(sup_restart_types).
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
    {ok, Sup} = supervisor:start_link(?MODULE, {#{intensity => 10}, [spec(p, permanent), spec(t, transient), spec(x, temporary)]}),
    unlink(Sup),
    [X1, T1, P1] = pids(Sup),
    stop(P1, stop), stop(T1, stop), stop(X1, stop),
    io:format("after normal exits: ~p~n", [[{I, is_pid(P)} || {I, P, _, _} <- supervisor:which_children(Sup)]]),
    {ok, T2} = supervisor:restart_child(Sup, t),
    stop(T2, die),
    io:format("after transient crash: ~p~n", [[{I, is_pid(P)} || {I, P, _, _} <- supervisor:which_children(Sup)]]),
    {ok, X2} = supervisor:start_child(Sup, spec(x, temporary)),
    stop(X2, die),
    io:format("after temporary crash: ~p~n", [ids(Sup)]),
    exit(Sup, shutdown).
