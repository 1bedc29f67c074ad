%% gen_udp:connect/2 takes a sockaddr map: #{family => inet, addr => IP,
%% port => P}; addr may be loopback or any. A map without port connects to
%% port 0: connect says ok, but peername is {error, enotconn}. A map of the
%% other family, or no map at all, is function_clause; a map without family
%% raises {invalid, {sockaddr, family, Map}}. From
%% gen_udp_SUITE:t_simple_local_sockaddr_in_send_recv.
-module(udp_connect_sockaddr).
-export([main/0]).

main() ->
    A = ok(gen_udp:open(0, [binary, {active, false}])),
    B = ok(gen_udp:open(0, [binary, {active, false}])),
    PB = ok(inet:port(B)),
    io:format("map: ~w~n", [gen_udp:connect(A, #{family => inet, addr => {127, 0, 0, 1}, port => PB})]),
    io:format("peername: ~w~n", [inet:peername(A) =:= {ok, {{127, 0, 0, 1}, PB}}]),
    ok = gen_udp:send(A, <<"via map">>),
    io:format("B got: ~p~n", [element(3, ok(gen_udp:recv(B, 0, 1000)))]),
    io:format("loopback: ~w ~w~n", [gen_udp:connect(A, #{family => inet, addr => loopback, port => PB}),
                                    inet:peername(A) =:= {ok, {{127, 0, 0, 1}, PB}}]),
    io:format("any: ~w ~w~n", [gen_udp:connect(A, #{family => inet, addr => any, port => PB}),
                               inet:peername(A) =:= {ok, {{127, 0, 0, 1}, PB}}]),
    io:format("no port: ~w ~w~n", [gen_udp:connect(A, #{family => inet, addr => {127, 0, 0, 1}}),
                                   inet:peername(A)]),
    io:format("inet6 map: ~w~n",
              [try_(fun() -> gen_udp:connect(A, #{family => inet6, addr => {0, 0, 0, 0, 0, 0, 0, 1},
                                                   port => PB}) end)]),
    io:format("no family: ~w~n", [try_(fun() -> gen_udp:connect(A, #{addr => {127, 0, 0, 1}, port => 9}) end)]),
    io:format("a tuple: ~w~n", [try_(fun() -> gen_udp:connect(A, {{127, 0, 0, 1}, PB}) end)]),
    io:format("peername: ~w~n", [inet:peername(A)]),
    ok = gen_udp:close(A),
    ok = gen_udp:close(B).

%% The result, or {caught, Class, Reason} for what was raised.
try_(F) ->
    try F()
    catch Class:Reason -> {caught, Class, Reason}
    end.

ok({ok, X}) -> X.
