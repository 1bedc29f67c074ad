%% Selective receive takes the first matching message and leaves the others
%% queued in their order; message order wins over clause order.
-module(selective_receive).
-export([main/0]).

main() ->
    Self = self(),
    Self ! a,
    Self ! b,
    Self ! {c, 1},
    Self ! d,
    Self ! {c, 2},
    receive {c, N} -> io:format("first c: ~p~n", [N]) end,
    receive d -> io:format("got d~n") end,
    io:format("left: ~p~n", [drain()]),
    Self ! x,
    Self ! y,
    R = receive
            y -> got_y;
            x -> got_x
        end,
    io:format("clause order does not win: ~p~n", [R]),
    io:format("left: ~p~n", [drain()]).

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
