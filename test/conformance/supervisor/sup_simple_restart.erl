%% simple_one_for_one: start_child with extra args, a crashed child is restarted, count_children.
-module(sup_simple_restart).
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
    {ok, Sup} = supervisor:start_link(?MODULE, {#{strategy => simple_one_for_one}, [#{id => w, start => {?MODULE, start_worker, []}}]}),
    unlink(Sup),
    {ok, P1} = supervisor:start_child(Sup, [one]),
    {ok, P2} = supervisor:start_child(Sup, [two]),
    io:format("children: ~p~n", [length(supervisor:which_children(Sup))]),
    stop(P1, die),
    Ps = pids(Sup),
    io:format("p1 gone: ~p, p2 kept: ~p, count: ~p~n", [not lists:member(P1, Ps), lists:member(P2, Ps), length(Ps)]),
    io:format("counts: ~p~n", [supervisor:count_children(Sup)]),
    io:format("terminate by id: ~p~n", [supervisor:terminate_child(Sup, w)]),
    io:format("terminate by pid: ~p~n", [supervisor:terminate_child(Sup, P2)]),
    io:format("restart: ~p, delete: ~p~n", [supervisor:restart_child(Sup, w), supervisor:delete_child(Sup, w)]),
    io:format("counts: ~p~n", [supervisor:count_children(Sup)]),
    exit(Sup, shutdown).
