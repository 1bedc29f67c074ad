%% gen_tcp:close/1 removes a {tcp_closed, S} already in the caller's
%% mailbox (inet:tcp_close/1 does a receive ... after 0), but leaves the
%% data messages and everything else.
-module(close_flushes_tcp_closed).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, true}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    S = ok(gen_tcp:accept(LS)),
    ok = gen_tcp:send(C, <<"data">>),
    timer:sleep(30),
    self() ! marker,
    ok = gen_tcp:close(C),
    timer:sleep(50),
    io:format("before close: ~w~n", [element(2, process_info(self(), messages))]),
    ok = gen_tcp:close(S),
    io:format("after close: ~w~n", [drain()]),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
