%% send on a {packet, 1|2|4} socket prepends the length header, big-endian;
%% a raw peer sees the header bytes. setopts switches the packet type of an
%% open socket.
-module(packet_send_headers).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}, {packet, 1}])),
    S = ok(gen_tcp:accept(LS)),
    ok = gen_tcp:send(C, <<"abc">>),
    io:format("1: ~w~n", [gen_tcp:recv(S, 4, 1000)]),
    ok = inet:setopts(C, [{packet, 2}]),
    ok = gen_tcp:send(C, "abc"),
    io:format("2: ~w~n", [gen_tcp:recv(S, 5, 1000)]),
    ok = inet:setopts(C, [{packet, 4}]),
    ok = gen_tcp:send(C, [<<"ab">>, $c]),
    io:format("4: ~w~n", [gen_tcp:recv(S, 7, 1000)]),
    ok = gen_tcp:send(C, <<>>),
    io:format("4, empty: ~w~n", [gen_tcp:recv(S, 4, 1000)]),
    ok = inet:setopts(C, [{packet, 2}]),
    ok = gen_tcp:send(C, binary:copy(<<"x">>, 300)),
    io:format("2, 300 bytes: ~w~n", [gen_tcp:recv(S, 2, 1000)]),
    io:format("body: ~w~n", [byte_size(ok(gen_tcp:recv(S, 300, 1000)))]),
    ok = inet:setopts(C, [{packet, raw}]),
    io:format("~w~n", [inet:getopts(C, [packet])]),
    ok = gen_tcp:send(C, <<"abc">>),
    io:format("raw: ~w~n", [gen_tcp:recv(S, 3, 1000)]),
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.
