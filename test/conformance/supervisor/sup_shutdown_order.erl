%% A supervisor stops its children in reverse start order.
-module(sup_shutdown_order).
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
    {ok, Sup} = supervisor:start_link(?MODULE, {#{}, [spec(a, permanent), spec(b, permanent), spec(c, permanent)]}),
    Named = lists:zip(ids(Sup), pids(Sup)),
    Refs = [{monitor(process, P), I} || {I, P} <- Named],
    exit(Sup, shutdown),
    Order = [receive {'DOWN', R, process, _, Why} when R =:= Ref -> {I, Why} end || {Ref, I} <- Refs, R <- [Ref]],
    io:format("down: ~p~n", [Order]),
    receive {'EXIT', Sup, Reason} -> io:format("supervisor exit: ~p~n", [Reason]) end.
