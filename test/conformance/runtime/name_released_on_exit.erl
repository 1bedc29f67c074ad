%% A registered name is released when its process exits, and can be taken again.
-module(name_released_on_exit).
-export([main/0]).

main() ->
    {P, Ref} = spawn_monitor(fun() -> receive stop -> ok end end),
    register(conf_short, P),
    io:format("registered: ~p~n", [whereis(conf_short) =:= P]),
    P ! stop,
    receive {'DOWN', Ref, process, P, normal} -> ok end,
    io:format("after exit: ~p~n", [whereis(conf_short)]),
    Q = spawn(fun() -> receive stop -> ok end end),
    io:format("register again: ~p~n", [register(conf_short, Q)]),
    exit(Q, kill),
    timer:sleep(20),
    io:format("after kill: ~p~n", [whereis(conf_short)]),
    try conf_short ! hello of
        _ -> io:format("sent~n")
    catch
        C:R -> io:format("send to the released name: ~p:~p~n", [C, R])
    end.
