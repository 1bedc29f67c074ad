%% Multicast over the loopback interface: a socket that joins 239.1.2.3 on
%% 127.0.0.1 (add_membership at open) receives what a socket with
%% {multicast_if, {127,0,0,1}} sends to that group, from the sender's
%% address and port; after drop_membership it receives nothing. multicast_ttl
%% and multicast_loop read back as set; add/drop_membership cannot be read
%% (einval), and a malformed membership is einval. From
%% gen_udp_SUITE:otp_18323_opts_processing.
-module(udp_multicast_loopback).
-export([main/0]).

main() ->
    Group = {239, 1, 2, 3},
    R = ok(gen_udp:open(0, [binary, {active, false}, {add_membership, {Group, {127, 0, 0, 1}}}])),
    RP = ok(inet:port(R)),
    S = ok(gen_udp:open(0, [binary, {active, false}, {multicast_if, {127, 0, 0, 1}}, {multicast_ttl, 2},
                            {multicast_loop, true}])),
    SP = ok(inet:port(S)),
    io:format("~w~n", [inet:getopts(S, [multicast_ttl, multicast_loop])]),
    io:format("send: ~w~n", [gen_udp:send(S, Group, RP, <<"to the group">>)]),
    {ok, {IP, P, D}} = gen_udp:recv(R, 0, 1000),
    io:format("received: ~w ~w ~p~n", [IP, P =:= SP, D]),
    io:format("drop: ~w~n", [inet:setopts(R, [{drop_membership, {Group, {127, 0, 0, 1}}}])]),
    ok = gen_udp:send(S, Group, RP, <<"after drop">>),
    io:format("after drop: ~w~n", [gen_udp:recv(R, 0, 50)]),
    io:format("join again: ~w~n", [inet:setopts(R, [{add_membership, {Group, {127, 0, 0, 1}}}])]),
    ok = gen_udp:send(S, Group, RP, <<"again">>),
    io:format("received: ~p~n", [element(3, ok(gen_udp:recv(R, 0, 1000)))]),
    ok = inet:setopts(S, [{multicast_ttl, 5}, {multicast_loop, false}]),
    io:format("~w~n", [inet:getopts(S, [multicast_ttl, multicast_loop])]),
    io:format("getopts add_membership: ~w~n", [inet:getopts(R, [add_membership])]),
    io:format("malformed: ~w ~w~n", [inet:setopts(R, [{add_membership, {Group}}]),
                                     inet:setopts(R, [{add_membership, foo}])]),
    io:format("bad multicast_loop: ~w~n", [inet:setopts(S, [{multicast_loop, foo}])]),
    ok = gen_udp:close(S),
    ok = gen_udp:close(R).

ok({ok, X}) -> X.
