%% one_for_one: a crashed child is restarted, with the siblings the strategy names; pids change accordingly.
-module(sup_one_for_one_restart).
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
    {ok, Sup} = supervisor:start_link(?MODULE, {#{strategy => one_for_one, intensity => 5, period => 10}, [spec(a, permanent), spec(b, permanent), spec(c, permanent)]}),
    unlink(Sup),
    io:format("ids: ~p~n", [ids(Sup)]),
    [C1, B1, A1] = pids(Sup),
    stop(B1, die),
    [C2, B2, A2] = pids(Sup),
    io:format("a changed: ~p, b changed: ~p, c changed: ~p~n", [A1 =/= A2, B1 =/= B2, C1 =/= C2]),
    io:format("all alive: ~p~n", [lists:all(fun erlang:is_process_alive/1, [A2, B2, C2])]),
    io:format("ids after: ~p~n", [ids(Sup)]),
    exit(Sup, shutdown).
