%% {active, true}: each datagram is a message {udp, S, IP, InPortNo, Packet},
%% in the order sent, with the sender's address and port; in list mode the
%% packet is a string. Empty datagrams are delivered too.
-module(udp_active_true_messages).
-export([main/0]).

main() ->
    R = ok(gen_udp:open(0, [binary, {active, true}])),
    RP = ok(inet:port(R)),
    S = ok(gen_udp:open(0, [{active, false}])),
    SP = ok(inet:port(S)),
    [ok = gen_udp:send(S, {127, 0, 0, 1}, RP, D) || D <- [<<"one">>, "two", [<<"th">>, "ree"], <<>>]],
    timer:sleep(30),
    io:format("~p~n", [[{Tag, Sock =:= R, IP, P =:= SP, D} || {Tag, Sock, IP, P, D} <- drain()]]),
    ok = inet:setopts(R, [list]),
    ok = gen_udp:send(S, {127, 0, 0, 1}, RP, <<"as a list">>),
    receive
        {udp, R, {127, 0, 0, 1}, SP, L} -> io:format("list mode: ~p~n", [L])
    after 1000 -> io:format("nothing~n")
    end,
    io:format("~w~n", [inet:getopts(R, [active, mode])]),
    ok = gen_udp:close(S),
    ok = gen_udp:close(R).

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.

ok({ok, X}) -> X.
