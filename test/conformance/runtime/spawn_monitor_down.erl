%% spawn_monitor gives {Pid, Ref}; the DOWN carries each kind of exit.
%% Terms holding refs print with ~w: an Erlang ref's text length varies from run to
%% run, so ~p would break lines at different places.
-module(spawn_monitor_down).
-export([main/0]).

main() ->
    {P1, R1} = spawn_monitor(fun() -> ok end),
    io:format("pid and ref: ~p ~p~n", [is_pid(P1), is_reference(R1)]),
    receive {'DOWN', R1, process, P1, _} = M1 -> io:format("~w~n", [M1]) end,
    {P2, R2} = spawn_monitor(fun() -> exit({shutdown, bye}) end),
    receive {'DOWN', R2, process, P2, _} = M2 -> io:format("~w~n", [M2]) end,
    {P3, R3} = spawn_monitor(fun() -> erlang:error(oops) end),
    receive {'DOWN', R3, process, P3, {Why3, _}} -> io:format("error: ~p~n", [Why3]) end,
    {P4, R4} = spawn_monitor(fun() -> throw(ball) end),
    receive {'DOWN', R4, process, P4, {Why4, _}} -> io:format("throw: ~p~n", [Why4]) end,
    {P5, R5} = spawn_monitor(fun() -> receive never -> ok end end),
    exit(P5, kill),
    receive {'DOWN', R5, process, P5, Why5} -> io:format("killed: ~p~n", [Why5]) end,
    io:format("not linked: ~p~n", [process_info(self(), links)]).
