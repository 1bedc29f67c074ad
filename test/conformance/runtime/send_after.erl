%% erlang:send_after/3 delivers in time order, to a pid or a name.
-module(send_after).
-export([main/0]).

main() ->
    T1 = erlang:send_after(60, self(), late),
    T2 = erlang:send_after(20, self(), early),
    io:format("refs: ~p ~p~n", [is_reference(T1), is_reference(T2)]),
    receive M1 -> io:format("first: ~p~n", [M1]) end,
    receive M2 -> io:format("second: ~p~n", [M2]) end,
    register(conf_timer_target, self()),
    erlang:send_after(10, conf_timer_target, by_name),
    receive M3 -> io:format("by name: ~p~n", [M3]) end,
    unregister(conf_timer_target),
    erlang:send_after(10, conf_timer_nobody, lost),
    erlang:send_after(0, self(), zero),
    receive M4 -> io:format("after 0 ms: ~p~n", [M4]) end,
    timer:sleep(30),
    io:format("mailbox: ~p~n", [drain()]).

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
