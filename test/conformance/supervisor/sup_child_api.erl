%% start_child, terminate_child, restart_child, delete_child and get_childspec: results and errors.
-module(sup_child_api).
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
    {ok, Sup} = supervisor:start_link(?MODULE, {#{}, []}),
    unlink(Sup),
    {ok, P} = supervisor:start_child(Sup, spec(a, permanent)),
    io:format("again: ~p~n", [supervisor:start_child(Sup, spec(a, permanent)) =:= {error, {already_started, P}}]),
    io:format("~p ~p~n", [supervisor:delete_child(Sup, a), supervisor:restart_child(Sup, a)]),
    io:format("~p ~p~n", [supervisor:terminate_child(Sup, a), supervisor:terminate_child(Sup, nope)]),
    io:format("~p ~p~n", [supervisor:start_child(Sup, spec(a, permanent)), [{I, P, T} || {I, P, T, _} <- supervisor:which_children(Sup)]]),
    {ok, P2} = supervisor:restart_child(Sup, a),
    io:format("restarted: ~p~n", [is_pid(P2) andalso P2 =/= P]),
    {ok, #{restart := R, shutdown := S, type := T, significant := G}} = supervisor:get_childspec(Sup, a),
    io:format("spec: ~p ~p ~p ~p~n", [R, S, T, G]),
    io:format("~p~n", [supervisor:get_childspec(Sup, nope)]),
    ok = supervisor:terminate_child(Sup, a),
    io:format("~p ~p~n", [supervisor:delete_child(Sup, a), supervisor:delete_child(Sup, a)]),
    {error, {Bad, _}} = supervisor:start_child(Sup, #{id => j, start => {?MODULE, start_junk, []}}),
    io:format("junk start: ~p~n", [Bad]),
    io:format("~p~n", [supervisor:start_child(Sup, #{id => k, start => {?MODULE, start_worker, [k]}, restart => sometimes})]),
    exit(Sup, shutdown).
