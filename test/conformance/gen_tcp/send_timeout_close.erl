%% Flow control with send_timeout: a sender whose peer never reads fills
%% the kernel buffers, then send returns {error, timeout}; with
%% send_timeout_close true the socket is closed at that point (OTP 25: the
%% next send says enotconn, and no tcp_closed arrives).
-module(send_timeout_close).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    Port = ok(inet:port(LS)),
    Chunk = binary:copy(<<"x">>, 65536),
    C1 = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}, {send_timeout, 50}])),
    S1 = ok(gen_tcp:accept(LS)),
    io:format("fill: ~w~n", [fill(C1, Chunk, 0)]),
    io:format("send again: ~w~n", [gen_tcp:send(C1, <<"y">>)]),
    io:format("still open: ~w~n", [inet:getopts(C1, [send_timeout, send_timeout_close])]),
    ok = gen_tcp:close(S1),
    ok = gen_tcp:close(C1),
    C2 = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, true}, {send_timeout, 50},
                                                    {send_timeout_close, true}])),
    S2 = ok(gen_tcp:accept(LS)),
    io:format("fill: ~w~n", [fill(C2, Chunk, 0)]),
    io:format("send again: ~w~n", [gen_tcp:send(C2, <<"y">>)]),
    timer:sleep(20),
    io:format("mailbox: ~w~n", [drain()]),
    ok = gen_tcp:close(C2),
    ok = gen_tcp:close(S2),
    ok = gen_tcp:close(LS).

%% Sends until an error; the number of chunks depends on the host's buffers.
fill(C, Chunk, N) when N < 1000 ->
    case gen_tcp:send(C, Chunk) of
        ok -> fill(C, Chunk, N + 1);
        Error -> {Error, N > 0}
    end;
fill(_, _, _) -> never_blocked.

ok({ok, X}) -> X.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
