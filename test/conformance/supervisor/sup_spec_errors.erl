%% Child-spec and flag validation: OTP's error terms.
-module(sup_spec_errors).
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
    M = {?MODULE, start_worker, [x]},
    io:format("~p~n", [supervisor:check_childspecs([#{id => a, start => M}])]),
    io:format("~p~n", [supervisor:check_childspecs([#{start => M}])]),
    io:format("~p~n", [supervisor:check_childspecs([#{id => a}])]),
    io:format("~p~n", [supervisor:check_childspecs([#{id => a, start => M, shutdown => -1}])]),
    io:format("~p~n", [supervisor:check_childspecs([#{id => a, start => M, type => boss}])]),
    io:format("~p~n", [supervisor:check_childspecs([#{id => a, start => M, significant => yes}])]),
    io:format("~p~n", [supervisor:check_childspecs([#{id => a, start => M, modules => 7}])]),
    io:format("~p~n", [supervisor:check_childspecs([#{id => a, start => M}, #{id => a, start => M}])]),
    io:format("~p~n", [supervisor:check_childspecs([#{id => a, start => M, significant => true}], never)]),
    io:format("~p~n", [supervisor:check_childspecs([#{id => a, start => M, significant => true}], any_significant)]),
    io:format("~p~n", [supervisor:check_childspecs([oops])]),
    io:format("~p~n", [supervisor:check_childspecs([], sometimes)]),
    io:format("~p~n", [supervisor:start_link(?MODULE, {#{strategy => all_for_one}, []})]),
    io:format("~p~n", [supervisor:start_link(?MODULE, {#{intensity => -1}, []})]),
    io:format("~p~n", [supervisor:start_link(?MODULE, {{one_for_one, 1}, []})]),
    io:format("~p~n", [supervisor:start_link(?MODULE, {#{strategy => simple_one_for_one}, []})]),
    io:format("~p~n", [supervisor:start_link(?MODULE, {#{}, [#{id => a, start => {?MODULE, start_junk, []}}]})]),
    flush().
flush() -> receive {'EXIT', _, R} -> io:format("exit: ~p~n", [R]), flush() after 50 -> ok end.
