%% sockname of dgram sockets: an unbound one is the wildcard address with
%% port 0 until a sendto binds it implicitly to an ephemeral port; bound to
%% loopback or any it is that address with a port the system picked;
%% peername of an unconnected one is enotconn.
-module(dgram_sockname).
-export([main/0]).

main() ->
    {ok, U} = socket:open(inet, dgram, udp),
    io:format("unbound: ~w~n", [socket:sockname(U)]),
    io:format("peername: ~w~n", [socket:peername(U)]),
    {ok, L} = socket:open(inet, dgram, udp),
    ok = socket:bind(L, #{family => inet, addr => loopback, port => 0}),
    {ok, #{port := LP} = LA} = socket:sockname(L),
    io:format("loopback: ~w ~w~n", [maps:remove(port, LA), LP > 0]),
    {ok, W} = socket:open(inet, dgram),
    ok = socket:bind(W, any),
    {ok, #{port := WP} = WA} = socket:sockname(W),
    io:format("any: ~w ~w~n", [maps:remove(port, WA), WP > 0]),
    ok = socket:sendto(U, <<"x">>, LA),
    {ok, #{port := UP} = UA} = socket:sockname(U),
    io:format("after sendto: ~w ~w~n", [maps:remove(port, UA), UP > 0]),
    {ok, {#{port := SrcP}, _}} = socket:recvfrom(L, 0, 1000),
    io:format("source port: ~w~n", [SrcP =:= UP]),
    [ok = socket:close(X) || X <- [U, L, W]],
    ok.
