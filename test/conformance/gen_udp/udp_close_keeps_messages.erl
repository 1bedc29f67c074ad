%% Closing an active socket leaves the {udp, S, ...} messages already in the
%% owner's mailbox there, and sends no {udp_closed, S}: UDP sockets in
%% inet_drv never report being closed. Datagrams the kernel held for the
%% socket are gone with it.
-module(udp_close_keeps_messages).
-export([main/0]).

main() ->
    S = ok(gen_udp:open(0, [binary, {active, false}])),
    R = ok(gen_udp:open(0, [binary, {active, 1}])),
    RP = ok(inet:port(R)),
    [ok = gen_udp:send(S, {127, 0, 0, 1}, RP, <<I>>) || I <- [1, 2, 3]],
    timer:sleep(30),
    io:format("close: ~w~n", [gen_udp:close(R)]),
    timer:sleep(30),
    io:format("mailbox: ~w~n", [[case M of
                                     {udp, R, {127, 0, 0, 1}, P, D} when is_integer(P) -> {udp, D};
                                     {udp_passive, R} -> udp_passive;
                                     _ -> M
                                 end || M <- drain()]]),
    ok = gen_udp:close(S).

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.

ok({ok, X}) -> X.
