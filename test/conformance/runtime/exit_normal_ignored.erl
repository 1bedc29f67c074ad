%% A normal exit signal is ignored by a process that does not trap exits,
%% whether it comes from a link or from exit/2.
-module(exit_normal_ignored).
-export([main/0]).

main() ->
    Child = spawn(fun() -> receive stop -> ok end end),
    link(Child),
    Child ! stop,
    timer:sleep(20),
    io:format("child alive: ~p~n", [is_process_alive(Child)]),
    io:format("links after the child ended: ~p~n", [process_info(self(), links)]),
    Other = spawn(fun() -> receive stop -> ok end end),
    exit(Other, normal),
    timer:sleep(20),
    io:format("exit(Other, normal) ignored: ~p~n", [is_process_alive(Other)]),
    Other ! stop,
    timer:sleep(20),
    io:format("other alive after stop: ~p~n", [is_process_alive(Other)]),
    io:format("mailbox: ~p~n", [drain()]).

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
