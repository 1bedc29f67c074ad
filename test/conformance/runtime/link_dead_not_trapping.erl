%% Linking a dead process without trapping exits raises error:noproc.
-module(link_dead_not_trapping).
-export([main/0]).

main() ->
    {Dead, Ref} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', Ref, process, Dead, normal} -> ok end,
    try link(Dead) of
        R -> io:format("link returned ~p~n", [R])
    catch
        Class:Reason -> io:format("caught ~p:~p~n", [Class, Reason])
    end,
    case catch link(Dead) of
        {'EXIT', {Why, _Stack}} -> io:format("catch gave an EXIT: ~p~n", [Why]);
        Other -> io:format("catch gave ~p~n", [Other])
    end,
    timer:sleep(20),
    io:format("still alive, mailbox: ~p~n", [drain()]).

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
