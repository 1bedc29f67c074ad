%% connect to a port nobody listens on is {error, econnrefused}; listen on
%% a port in use is {error, eaddrinuse}; connect with a timeout to a live
%% listener works, and "localhost" resolves to the loopback.
-module(connect_errors).
-export([main/0]).

main() ->
    LS0 = ok(gen_tcp:listen(0, [{ip, {127, 0, 0, 1}}])),
    Free = ok(inet:port(LS0)),
    ok = gen_tcp:close(LS0),
    io:format("refused: ~w~n", [gen_tcp:connect({127, 0, 0, 1}, Free, [])]),
    io:format("refused with timeout: ~w~n", [gen_tcp:connect({127, 0, 0, 1}, Free, [], 1000)]),
    LS = ok(gen_tcp:listen(0, [{ip, {127, 0, 0, 1}}, {active, false}])),
    Port = ok(inet:port(LS)),
    io:format("in use: ~w~n", [gen_tcp:listen(Port, [{ip, {127, 0, 0, 1}}])]),
    C = ok(gen_tcp:connect("localhost", Port, [{active, false}], 1000)),
    S = ok(gen_tcp:accept(LS)),
    {ok, {PeerAddr, _}} = inet:peername(C),
    io:format("localhost peer: ~w~n", [PeerAddr]),
    C2 = ok(gen_tcp:connect(localhost, Port, [{active, false}])),
    S2 = ok(gen_tcp:accept(LS)),
    {ok, {PeerAddr2, _}} = inet:peername(C2),
    io:format("localhost atom peer: ~w~n", [PeerAddr2]),
    [ok = gen_tcp:close(X) || X <- [C, S, C2, S2, LS]],
    ok.

ok({ok, X}) -> X.
