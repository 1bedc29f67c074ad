%% read_packets, how many datagrams an active socket reads per poll: 5 by
%% default, any positive integer reads back as set, 0 is {error, einval} from
%% setopts and open, a negative value einval from setopts but exit badarg
%% from open. Every datagram is still delivered, in order, whatever its
%% value. From gen_udp_SUITE:read_packets (OTP-6249).
-module(udp_read_packets).
-export([main/0]).

main() ->
    S = ok(gen_udp:open(0, [binary, {active, false}])),
    R = ok(gen_udp:open(0, [binary, {active, true}, {read_packets, 1}])),
    RP = ok(inet:port(R)),
    io:format("~w~n", [inet:getopts(R, [read_packets])]),
    [ok = gen_udp:send(S, {127, 0, 0, 1}, RP, <<I>>) || I <- lists:seq(1, 12)],
    timer:sleep(50),
    io:format("~w~n", [[D || {udp, _, _, _, D} <- drain()]]),
    io:format("setopts: ~w ~w ~w ~w~n", [inet:setopts(R, [{read_packets, 100}]), inet:setopts(R, [{read_packets, 0}]),
                                        inet:setopts(R, [{read_packets, -1}]),
                                        inet:setopts(R, [{read_packets, foo}])]),
    io:format("~w~n", [inet:getopts(R, [read_packets])]),
    io:format("open 0: ~w~n", [try_(fun() -> gen_udp:open(0, [{read_packets, 0}]) end)]),
    io:format("open -1: ~w~n", [try_(fun() -> gen_udp:open(0, [{read_packets, -1}]) end)]),
    R2 = ok(gen_udp:open(0, [{read_packets, 7}])),
    io:format("open 7: ~w~n", [inet:getopts(R2, [read_packets])]),
    ok = gen_udp:close(R2),
    ok = gen_udp:close(S),
    ok = gen_udp:close(R).

%% The result, or {caught, Class, Reason} for what was raised.
try_(F) ->
    try F()
    catch Class:Reason -> {caught, Class, Reason}
    end.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.

ok({ok, X}) -> X.
