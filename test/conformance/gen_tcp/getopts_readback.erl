%% Options given to listen are inherited by accepted sockets, those given to
%% connect and setopts read back with getopts in the order asked.
-module(getopts_readback).
-export([main/0]).

main() ->
    Names = [active, mode, packet, packet_size, header, nodelay, keepalive, reuseaddr,
             exit_on_close, show_econnreset, send_timeout, send_timeout_close,
             delay_send, linger, deliver, high_watermark, low_watermark,
             high_msgq_watermark, low_msgq_watermark],
    LS = ok(gen_tcp:listen(0, [binary, {active, once}, {packet, 4}, {nodelay, true},
                               {keepalive, true}, {send_timeout, 1000},
                               {exit_on_close, false}, {linger, {true, 5}},
                               {high_watermark, 16384}, {low_watermark, 2048}])),
    Port = ok(inet:port(LS)),
    io:format("listen: ~w~n", [inet:getopts(LS, Names)]),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [])),
    S = ok(gen_tcp:accept(LS)),
    io:format("accepted: ~w~n", [inet:getopts(S, Names)]),
    io:format("connected: ~w~n", [inet:getopts(C, Names)]),
    ok = inet:setopts(C, [{active, false}, {packet, line}, {packet_size, 100},
                          {show_econnreset, true}, {send_timeout_close, true},
                          {delay_send, true}, {deliver, term}, {nodelay, true},
                          {high_msgq_watermark, 100}, {low_msgq_watermark, 50}]),
    io:format("after setopts: ~w~n", [inet:getopts(C, Names)]),
    io:format("reversed: ~w~n", [inet:getopts(C, lists:reverse([active, packet, mode]))]),
    io:format("none: ~w~n", [inet:getopts(C, [])]),
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.
