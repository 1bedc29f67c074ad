%% Messages from one sender are received in the order they were sent.
-module(receive_order).
-export([main/0]).

main() ->
    Self = self(),
    [Self ! {msg, N} || N <- [1, 2, 3, 4, 5]],
    loop(5),
    spawn(fun() -> [Self ! {from_child, N} || N <- [a, b, c]] end),
    loop_child(3),
    io:format("done~n").

loop(0) -> ok;
loop(N) ->
    receive
        {msg, X} -> io:format("got ~p~n", [X])
    end,
    loop(N - 1).

loop_child(0) -> ok;
loop_child(N) ->
    receive
        {from_child, X} -> io:format("from child ~p~n", [X])
    end,
    loop_child(N - 1).
