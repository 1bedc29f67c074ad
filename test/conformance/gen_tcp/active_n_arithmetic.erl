%% The {active, N} counter of gen_tcp_misc_SUITE:active_n: setopts adds N to
%% a counter, a result of 0 or less makes the socket passive and sends
%% {tcp_passive, S}, the sum may not pass 32767, and true/once/false replace
%% the counter.
-module(active_n_arithmetic).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [{active, 3}])),
    io:format("~w~n", [inet:getopts(LS, [active])]),
    io:format("+2: ~w ~w~n", [inet:setopts(LS, [{active, 2}]), inet:getopts(LS, [active])]),
    io:format("-4: ~w ~w~n", [inet:setopts(LS, [{active, -4}]), inet:getopts(LS, [active])]),
    io:format("mailbox: ~w~n", [drain()]),
    io:format("-1: ~w ~w~n", [inet:setopts(LS, [{active, -1}]), inet:getopts(LS, [active])]),
    io:format("mailbox: ~w~n", [drain()]),
    io:format("0: ~w ~w~n", [inet:setopts(LS, [{active, 0}]), inet:getopts(LS, [active])]),
    io:format("mailbox: ~w~n", [drain()]),
    io:format("-5 when passive: ~w ~w~n", [inet:setopts(LS, [{active, -5}]), inet:getopts(LS, [active])]),
    io:format("mailbox: ~w~n", [drain()]),
    io:format("32767: ~w~n", [inet:setopts(LS, [{active, 32767}])]),
    io:format("+1: ~w ~w~n", [inet:setopts(LS, [{active, 1}]), inet:getopts(LS, [active])]),
    io:format("-32769: ~w~n", [inet:setopts(LS, [{active, -32769}])]),
    io:format("-32768: ~w ~w~n", [inet:setopts(LS, [{active, -32768}]), inet:getopts(LS, [active])]),
    io:format("mailbox: ~w~n", [drain()]),
    io:format("32768: ~w~n", [inet:setopts(LS, [{active, 32768}])]),
    ok = inet:setopts(LS, [{active, 3}]),
    io:format("true: ~w ~w~n", [inet:setopts(LS, [{active, true}]), inet:getopts(LS, [active])]),
    io:format("+2 when true: ~w ~w~n", [inet:setopts(LS, [{active, 2}]), inet:getopts(LS, [active])]),
    io:format("once: ~w ~w~n", [inet:setopts(LS, [{active, once}]), inet:getopts(LS, [active])]),
    io:format("+2 when once: ~w ~w~n", [inet:setopts(LS, [{active, 2}]), inet:getopts(LS, [active])]),
    io:format("twice in one list: ~w ~w~n", [inet:setopts(LS, [{active, 2}, {active, 4}]), inet:getopts(LS, [active])]),
    io:format("false: ~w ~w~n", [inet:setopts(LS, [{active, false}]), inet:getopts(LS, [active])]),
    io:format("mailbox: ~w~n", [drain()]),
    LS2 = ok(gen_tcp:listen(0, [{active, 0}])),
    io:format("listen with 0: ~w~n", [inet:getopts(LS2, [active])]),
    io:format("mailbox: ~w~n", [drain()]),
    ok = gen_tcp:close(LS2),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
