%% cancel_timer gives false once the timer fired, and the time left (an
%% integer) before; a cancelled timer sends nothing.
-module(cancel_timer).
-export([main/0]).

main() ->
    T1 = erlang:send_after(10, self(), fired),
    receive fired -> io:format("fired~n") end,
    io:format("cancel after firing: ~p~n", [erlang:cancel_timer(T1)]),
    T2 = erlang:send_after(1000, self(), never),
    Left = erlang:cancel_timer(T2),
    io:format("cancel before firing gives an integer: ~p~n", [is_integer(Left)]),
    io:format("cancel again: ~p~n", [erlang:cancel_timer(T2)]),
    T3 = erlang:start_timer(20, self(), never_either),
    io:format("start_timer cancelled: ~p~n", [is_integer(erlang:cancel_timer(T3))]),
    timer:sleep(40),
    io:format("mailbox: ~p~n", [drain()]).

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
