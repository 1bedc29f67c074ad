%% badarg for a send to an unknown name and for the register/unregister
%% misuses; whereis of an unknown name is undefined.
-module(name_badarg).
-export([main/0]).

main() ->
    try conf_unknown ! hello of
        _ -> io:format("sent~n")
    catch
        C1:R1 -> io:format("send to unknown name: ~p:~p~n", [C1, R1])
    end,
    io:format("whereis unknown: ~p~n", [whereis(conf_unknown)]),
    P = spawn(fun() -> receive stop -> ok end end),
    Q = spawn(fun() -> receive stop -> ok end end),
    register(conf_taken, P),
    try register(conf_taken, Q) of
        _ -> io:format("registered twice~n")
    catch
        C2:R2 -> io:format("register a taken name: ~p:~p~n", [C2, R2])
    end,
    try register(conf_other, P) of
        _ -> io:format("registered a pid twice~n")
    catch
        C3:R3 -> io:format("register a registered pid: ~p:~p~n", [C3, R3])
    end,
    try unregister(conf_unknown) of
        _ -> io:format("unregistered~n")
    catch
        C4:R4 -> io:format("unregister unknown: ~p:~p~n", [C4, R4])
    end,
    try register(undefined, Q) of
        _ -> io:format("registered undefined~n")
    catch
        C5:R5 -> io:format("register undefined: ~p:~p~n", [C5, R5])
    end,
    {Dead, Ref} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', Ref, process, Dead, _} -> ok end,
    try register(conf_dead, Dead) of
        _ -> io:format("registered a dead pid~n")
    catch
        C6:R6 -> io:format("register a dead pid: ~p:~p~n", [C6, R6])
    end,
    io:format("send to unknown {name, node}: ~p~n", [{conf_unknown, node()} ! hello]),
    io:format("whereis taken is P: ~p~n", [whereis(conf_taken) =:= P]),
    unregister(conf_taken),
    P ! stop,
    Q ! stop.
