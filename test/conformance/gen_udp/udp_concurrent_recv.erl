%% Any process may recv on a passive socket, not only its owner; but only one
%% recv at a time: a second one while the first waits is {error, ealready} at
%% once, and the first still gets the next datagram. send, setopts and close
%% are allowed to non-owners as well.
-module(udp_concurrent_recv).
-export([main/0]).

main() ->
    R = ok(gen_udp:open(0, [binary, {active, false}])),
    RP = ok(inet:port(R)),
    S = ok(gen_udp:open(0, [binary, {active, false}])),
    Self = self(),
    spawn(fun() -> Self ! {waiter, gen_udp:recv(R, 0, 2000)} end),
    timer:sleep(30),
    io:format("second recv: ~w~n", [gen_udp:recv(R, 0, 50)]),
    ok = gen_udp:send(S, {127, 0, 0, 1}, RP, <<"for the waiter">>),
    receive {waiter, {ok, {_, _, D1}}} -> io:format("waiter: ~p~n", [D1]) end,
    spawn(fun() -> Self ! {other, gen_udp:send(R, {127, 0, 0, 1}, RP, <<"to itself">>)} end),
    receive {other, Sent} -> io:format("send by another process: ~w~n", [Sent]) end,
    {ok, {_, _, D2}} = gen_udp:recv(R, 0, 1000),
    io:format("owner got: ~p~n", [D2]),
    spawn(fun() -> Self ! {other, inet:setopts(R, [{active, once}])} end),
    receive {other, Set} -> io:format("setopts by another process: ~w ~w~n", [Set, inet:getopts(R, [active])]) end,
    spawn(fun() -> Self ! {other, gen_udp:close(R)} end),
    receive {other, Closed} -> io:format("close by another process: ~w ~w~n", [Closed, inet:port(R)]) end,
    timer:sleep(20),
    io:format("mailbox: ~w~n", [drain()]),
    ok = gen_udp:close(S).

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.

ok({ok, X}) -> X.
