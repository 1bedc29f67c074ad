%% gen_udp:connect/3's errors: an address that is no IPv4 address is
%% {error, einval} (a tuple out of range, the empty host name), an IPv6 tuple
%% on an inet socket {error, eafnosupport}, a port out of range
%% function_clause, no socket function_clause; port 0 is accepted but leaves
%% no peer (peername {error, enotconn}). The socket still works afterwards.
-module(udp_connect_errors).
-export([main/0]).

main() ->
    A = ok(gen_udp:open(0, [binary, {active, false}])),
    B = ok(gen_udp:open(0, [binary, {active, false}])),
    PB = ok(inet:port(B)),
    io:format("{127,0,0,256}: ~w~n", [try_(fun() -> gen_udp:connect(A, {127, 0, 0, 256}, PB) end)]),
    io:format("empty host: ~w~n", [try_(fun() -> gen_udp:connect(A, "", PB) end)]),
    io:format("ipv6 tuple: ~w~n", [try_(fun() -> gen_udp:connect(A, {0, 0, 0, 0, 0, 0, 0, 1}, PB) end)]),
    io:format("port 65536: ~w~n", [try_(fun() -> gen_udp:connect(A, {127, 0, 0, 1}, 65536) end)]),
    io:format("port -1: ~w~n", [try_(fun() -> gen_udp:connect(A, {127, 0, 0, 1}, -1) end)]),
    io:format("port foo: ~w~n", [try_(fun() -> gen_udp:connect(A, {127, 0, 0, 1}, foo) end)]),
    io:format("not a socket: ~w~n", [try_(fun() -> gen_udp:connect(foo, {127, 0, 0, 1}, PB) end)]),
    io:format("peername: ~w~n", [inet:peername(A)]),
    io:format("port 0: ~w ~w~n", [gen_udp:connect(A, {127, 0, 0, 1}, 0), inet:peername(A)]),
    io:format("localhost: ~w ~w~n", [gen_udp:connect(A, "localhost", PB),
                                     inet:peername(A) =:= {ok, {{127, 0, 0, 1}, PB}}]),
    ok = gen_udp:send(A, <<"works">>),
    io:format("B got: ~p~n", [element(3, ok(gen_udp:recv(B, 0, 1000)))]),
    ok = gen_udp:close(A),
    ok = gen_udp:close(B).

%% The result, or {caught, Class, Reason} for what was raised.
try_(F) ->
    try F()
    catch Class:Reason -> {caught, Class, Reason}
    end.

ok({ok, X}) -> X.
