%% A connected socket learns that nobody listens at its peer (ICMP port
%% unreachable): the next recv on a passive socket is {error, econnrefused}
%% (once), or else the next send returns it; an active socket gets
%% {udp_error, S, econnrefused} messages, which do not use up {active, once}
%% (nor N): it stays active. An unconnected socket sending to a closed port
%% hears nothing. From gen_udp_SUITE:connect and send_to_closed.
-module(udp_connected_refused).
-export([main/0]).

main() ->
    D = ok(gen_udp:open(0)),
    PD = ok(inet:port(D)),
    ok = gen_udp:close(D),
    A = ok(gen_udp:open(0, [binary, {active, false}])),
    ok = gen_udp:connect(A, {127, 0, 0, 1}, PD),
    io:format("send: ~w~n", [gen_udp:send(A, <<"nobody">>)]),
    timer:sleep(20),
    io:format("recv: ~w~n", [gen_udp:recv(A, 0, 100)]),
    io:format("recv again: ~w~n", [gen_udp:recv(A, 0, 30)]),
    io:format("send: ~w~n", [gen_udp:send(A, <<"nobody">>)]),
    timer:sleep(20),
    io:format("next send: ~w~n", [gen_udp:send(A, <<"nobody">>)]),
    io:format("and the next: ~w~n", [gen_udp:send(A, <<"nobody">>)]),
    timer:sleep(20),
    ok = gen_udp:close(A),
    E = ok(gen_udp:open(0, [binary, {active, once}])),
    ok = gen_udp:connect(E, {127, 0, 0, 1}, PD),
    ok = gen_udp:send(E, <<"nobody">>),
    timer:sleep(20),
    ok = gen_udp:send(E, <<"nobody">>),
    timer:sleep(20),
    io:format("active: ~w ~w~n", [[case M of {udp_error, E, R} -> {udp_error, R}; _ -> M end || M <- drain()],
                                  inet:getopts(E, [active])]),
    ok = gen_udp:close(E),
    F = ok(gen_udp:open(0, [binary, {active, true}])),
    io:format("unconnected: ~w ~w~n", [gen_udp:send(F, {127, 0, 0, 1}, PD, <<"foo">>),
                                       gen_udp:send(F, {127, 0, 0, 1}, PD, <<"foo">>)]),
    timer:sleep(20),
    io:format("unconnected, active: ~w~n", [drain()]),
    ok = inet:setopts(F, [{active, false}]),
    io:format("unconnected, passive: ~w~n", [gen_udp:recv(F, 0, 30)]),
    ok = gen_udp:close(F).

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.

ok({ok, X}) -> X.
