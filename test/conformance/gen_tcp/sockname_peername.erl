%% sockname and peername of the two ends mirror each other; connect with a
%% sockaddr map (gen_tcp:connect/2,3) reaches the same listener.
-module(sockname_peername).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    S = ok(gen_tcp:accept(LS)),
    {ok, {CAddr, CPort} = CName} = inet:sockname(C),
    {ok, {SAddr, SPort} = SName} = inet:sockname(S),
    io:format("addresses: ~w ~w~n", [CAddr, SAddr]),
    io:format("server port is the listen port: ~w~n", [SPort =:= Port]),
    io:format("client port differs: ~w~n", [CPort =/= Port]),
    io:format("mirrored: ~w ~w~n", [inet:peername(C) =:= {ok, SName}, inet:peername(S) =:= {ok, CName}]),
    io:format("socknames: ~w~n", [inet:socknames(C) =:= {ok, [CName]}]),
    io:format("peernames: ~w~n", [inet:peernames(C) =:= {ok, [SName]}]),
    C2 = ok(gen_tcp:connect(#{family => inet, addr => {127, 0, 0, 1}, port => Port}, [binary, {active, false}])),
    S2 = ok(gen_tcp:accept(LS)),
    C3 = ok(gen_tcp:connect(#{family => inet, addr => {127, 0, 0, 1}, port => Port}, [binary, {active, false}], 1000)),
    S3 = ok(gen_tcp:accept(LS)),
    io:format("map connect: ~w ~w~n", [inet:peername(C2) =:= {ok, {{127, 0, 0, 1}, Port}},
                                       inet:peername(C3) =:= {ok, {{127, 0, 0, 1}, Port}}]),
    [ok = gen_tcp:close(X) || X <- [C, S, C2, S2, C3, S3, LS]],
    ok.

ok({ok, X}) -> X.
