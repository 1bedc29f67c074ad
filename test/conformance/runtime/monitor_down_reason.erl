%% A monitor's DOWN message carries the exit reason.
-module(monitor_down_reason).
-export([main/0]).

main() ->
    [watch(Reason) || Reason <- [normal, {shutdown, done}, custom, [1, 2, 3]]],
    P = spawn(fun() -> receive {stop, R} -> exit(R) end end),
    Ref = monitor(process, P),
    io:format("monitor gives a reference: ~p~n", [is_reference(Ref)]),
    io:format("monitors: ~p~n", [process_info(self(), monitors)]),
    P ! {stop, bye},
    receive {'DOWN', Ref, process, P, _} = M -> io:format("~p~n", [M]) end,
    io:format("monitors after DOWN: ~p~n", [process_info(self(), monitors)]).

watch(Reason) ->
    P = spawn(fun() -> receive {stop, R} -> exit(R) end end),
    Ref = monitor(process, P),
    P ! {stop, Reason},
    receive
        {'DOWN', Ref, process, P, Why} -> io:format("DOWN reason: ~p~n", [Why])
    end.
