%% packet_size limits a received packet: a {packet, 2} header announcing
%% more than packet_size gives {error, emsgsize}; smaller packets pass.
-module(packet_size_emsgsize).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}, {packet, 2}, {packet_size, 10}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}, {packet, 2}])),
    S = ok(gen_tcp:accept(LS)),
    io:format("~w~n", [inet:getopts(S, [packet, packet_size])]),
    ok = gen_tcp:send(C, <<"0123456789">>),
    io:format("10 bytes: ~p~n", [gen_tcp:recv(S, 0, 1000)]),
    ok = gen_tcp:send(C, <<"0123456789A">>),
    io:format("11 bytes: ~p~n", [gen_tcp:recv(S, 0, 1000)]),
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.
