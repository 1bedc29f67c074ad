%% erlang:start_timer/3 delivers {timeout, TimerRef, Msg}.
-module(start_timer).
-export([main/0]).

main() ->
    TRef = erlang:start_timer(20, self(), ping),
    io:format("timer ref: ~p~n", [TRef]),
    receive
        {timeout, TRef, _} = M -> io:format("~p~n", [M])
    after 500 -> io:format("no timeout message~n")
    end,
    T2 = erlang:start_timer(10, self(), {nested, [1, 2]}),
    receive {timeout, R, Msg} -> io:format("same ref: ~p, msg: ~p~n", [R =:= T2, Msg]) end.
