%% count_children of workers and supervisors, running and not.
-module(sup_count_children).
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
    Sub = #{id => sub, start => {supervisor, start_link, [?MODULE, {#{}, []}]}, type => supervisor},
    {ok, Sup} = supervisor:start_link(?MODULE, {#{}, [spec(a, permanent), spec(b, transient), Sub]}),
    unlink(Sup),
    io:format("~p~n", [supervisor:count_children(Sup)]),
    ok = supervisor:terminate_child(Sup, b),
    io:format("~p~n", [supervisor:count_children(Sup)]),
    io:format("~p~n", [[{I, T} || {I, _, T, _} <- supervisor:which_children(Sup)]]),
    exit(Sup, shutdown).
