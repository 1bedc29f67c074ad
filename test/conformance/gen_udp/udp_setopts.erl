%% inet:setopts on a gen_udp socket is not checked against UDP's options as
%% open is: TCP options (packet, exit_on_close, nodelay, keepalive,
%% send_timeout, delay_send, linger, show_econnreset, ...) are accepted and
%% some read back; open-only ones ({ip, _}, {port, _}, inet, inet6) and
%% malformed values are {error, einval}, as are ipv6 options on inet and
%% reuseport in OTP 25. packet changes nothing on UDP: the datagram still
%% arrives as sent. One bad option in the list makes the whole call einval
%% and nothing changes. Options that are not a list raise
%% {bad_generator, Opts}; getopts with no list is function_clause.
-module(udp_setopts).
-export([main/0]).

main() ->
    S = ok(gen_udp:open(0, [binary, {active, false}])),
    [io:format("~w: ~w~n", [Opt, inet:setopts(S, [Opt])])
     || Opt <- [{packet, 2}, {packet, http}, {packet_size, 10}, {exit_on_close, false}, {nodelay, true},
                {keepalive, true}, {send_timeout, 10}, {send_timeout_close, true}, {delay_send, true},
                {linger, {true, 1}}, {high_watermark, 100}, {low_watermark, 10}, {show_econnreset, true},
                {line_delimiter, $x},
                {broadcast, true}, {dontroute, true}, {priority, 3}, {ttl, 10}, {multicast_ttl, 5},
                {reuseaddr, true}, {high_msgq_watermark, 100},
                {low_msgq_watermark, 50}, {deliver, port}, list, binary,
                {ip, {127, 0, 0, 1}}, {port, 1}, {ifaddr, {127, 0, 0, 1}}, inet, inet6, foo, {foo, bar},
                {ipv6_v6only, true}, {tclass, 5}, {recvtclass, true}, {reuseport, true},
                {header, -1}, {header, foo}, {mode, foo}, {deliver, foo}, {buffer, foo}, {recbuf, foo},
                {broadcast, foo}, {high_msgq_watermark, 0}, {active}, [active, true]]],
    io:format("~w~n", [inet:getopts(S, [packet, packet_size, exit_on_close, keepalive, linger, broadcast,
                                        dontroute, priority, ttl, multicast_ttl, reuseaddr,
                                        high_msgq_watermark, low_msgq_watermark, deliver, mode,
                                        nodelay, send_timeout, delay_send, show_econnreset])]),
    T = ok(gen_udp:open(0)),
    ok = gen_udp:send(T, {127, 0, 0, 1}, ok(inet:port(S)), <<"GET / HTTP/1.1\r\n">>),
    {ok, {IP, _, Data}} = gen_udp:recv(S, 0, 1000),
    io:format("with {packet, http}: ~w ~p~n", [IP, Data]),
    ok = gen_udp:close(T),
    io:format("one bad: ~w ~w~n", [inet:setopts(S, [{active, true}, {header, foo}]), inet:getopts(S, [active])]),
    io:format("empty: ~w~n", [inet:setopts(S, [])]),
    io:format("not a list: ~w~n", [try_(fun() -> inet:setopts(S, foo) end)]),
    io:format("getopts not a list: ~w~n", [try_(fun() -> inet:getopts(S, foo) end)]),
    ok = gen_udp:close(S).

%% The result, or {caught, Class, Reason} for what was raised.
try_(F) ->
    try F()
    catch Class:Reason -> {caught, Class, Reason}
    end.

ok({ok, X}) -> X.
