%% A process trapping exits gets {'EXIT', Pid, Reason} messages instead of
%% exit signals, normal included.
-module(trap_exit_normal).
-export([main/0]).

main() ->
    Old = process_flag(trap_exit, true),
    io:format("old trap_exit: ~p~n", [Old]),
    Child = spawn_link(fun() -> ok end),
    receive {'EXIT', Child, _} = M1 -> io:format("~p~n", [M1]) end,
    Child2 = spawn_link(fun() -> exit(done) end),
    receive {'EXIT', Child2, _} = M2 -> io:format("~p~n", [M2]) end,
    Self = self(),
    Child3 = spawn(fun() -> exit(Self, normal), exit(Self, {custom, 1}) end),
    receive {'EXIT', Child3, _} = M3 -> io:format("~p~n", [M3]) end,
    receive {'EXIT', Child3, _} = M4 -> io:format("~p~n", [M4]) end,
    io:format("set back: ~p~n", [process_flag(trap_exit, false)]),
    io:format("mailbox: ~p~n", [drain()]).

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
