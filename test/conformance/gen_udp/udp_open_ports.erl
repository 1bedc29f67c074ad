%% gen_udp:open's port: 0 picks a free one; a taken one is
%% {error, eaddrinuse} (also for another address on it, or inet6 on it);
%% {reuseaddr, true} on both sockets lets a second socket bind it, on the
%% second alone it does not. A port out of range exits badarg, an atom that
%% names no service raises {badmatch, {error, einval}}, a non-integer is
%% function_clause. {port, P} in the options is taken too. From
%% gen_udp_SUITE:open_fd and reconnect.
-module(udp_open_ports).
-export([main/0]).

main() ->
    A = ok(gen_udp:open(0)),
    PA = ok(inet:port(A)),
    io:format("port 0 gives a port: ~w~n", [PA > 0]),
    io:format("taken: ~w~n", [try_(fun() -> gen_udp:open(PA) end)]),
    io:format("taken, with reuseaddr: ~w~n", [try_(fun() -> gen_udp:open(PA, [{reuseaddr, true}]) end)]),
    io:format("taken, on 127.0.0.1: ~w~n", [try_(fun() -> gen_udp:open(PA, [{ip, {127, 0, 0, 1}}]) end)]),
    io:format("taken, inet6: ~w~n", [try_(fun() -> gen_udp:open(PA, [inet6]) end)]),
    B = ok(gen_udp:open(0, [{reuseaddr, true}])),
    PB = ok(inet:port(B)),
    io:format("~w~n", [inet:getopts(B, [reuseaddr])]),
    io:format("both reuseaddr: ~w~n", [try_(fun() -> gen_udp:open(PB, [{reuseaddr, true}]) end)]),
    io:format("second only: ~w~n", [try_(fun() -> gen_udp:open(PB) end)]),
    ok = gen_udp:close(A),
    C = ok(gen_udp:open(PA)),
    io:format("free again: ~w~n", [ok(inet:port(C)) =:= PA]),
    ok = gen_udp:close(C),
    D = ok(gen_udp:open(0, [{port, PA}])),
    io:format("{port, P} option: ~w~n", [ok(inet:port(D)) =:= PA]),
    ok = gen_udp:close(D),
    [io:format("open(~w): ~w~n", [Port, try_(fun() -> gen_udp:open(Port) end)])
     || Port <- [-1, 65536, no_such_service_name, "0", 1.5]],
    io:format("open(-1, []): ~w~n", [try_(fun() -> gen_udp:open(-1, []) end)]),
    ok = gen_udp:close(B).

%% The result (ok for a socket, closed at once), or {caught, Class, Reason}
%% for what was raised.
try_(F) ->
    try F() of
        {ok, S} when is_port(S) -> ok = gen_udp:close(S), ok;
        Other -> Other
    catch Class:Reason -> {caught, Class, Reason}
    end.

ok({ok, X}) -> X.
