%% Buffer sizes: buffer set explicitly reads back as set; recbuf and sndbuf
%% read back as the kernel reports them (Linux doubles the value asked).
-module(buffer_options).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}, {buffer, 4096}])),
    S = ok(gen_tcp:accept(LS)),
    io:format("~w~n", [inet:getopts(C, [buffer])]),
    ok = inet:setopts(S, [{recbuf, 65536}, {sndbuf, 32768}]),
    io:format("~w~n", [inet:getopts(S, [recbuf, sndbuf])]),
    ok = inet:setopts(S, [{buffer, 1000}]),
    io:format("~w~n", [inet:getopts(S, [buffer])]),
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.
