%% Guards filter messages; a message failing every guard stays queued.
-module(receive_guards).
-export([main/0]).

main() ->
    Self = self(),
    [Self ! {num, N} || N <- [1, 7, 3, 12, 5]],
    receive {num, N1} when N1 > 5 -> io:format("first > 5: ~p~n", [N1]) end,
    receive {num, N2} when N2 > 5, N2 rem 2 =:= 0 -> io:format("even > 5: ~p~n", [N2]) end,
    receive
        {num, N3} when N3 > 100 -> io:format("never ~p~n", [N3])
    after 0 -> io:format("none > 100~n")
    end,
    receive
        {num, N4} when N4 >= 5 -> io:format("clause 1: ~p~n", [N4]);
        {num, N4} when N4 < 3 -> io:format("clause 2: ~p~n", [N4])
    end,
    Self ! {tag, 1},
    Self ! {tag, x},
    receive {tag, T} when is_atom(T) -> io:format("atom tag: ~p~n", [T]) end,
    io:format("left: ~p~n", [drain()]).

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
