%% gen_udp:open's option checks: an option gen_udp does not know (foo,
%% {foo, bar}, TCP's exit_on_close, packet, nodelay, keepalive, linger,
%% send_timeout; erlts takes reuseport, which OTP 25 refuses, as OTP 26 does),
%% a malformed value, or a list where a
%% tuple belongs exits badarg, as does an {ip, ...} that is no address of the
%% family; options that are not a list are function_clause (a bare tuple is
%% left out: in TypeScript it is a list). Values the
%% driver or the kernel refuse are {error, einval} (read_packets 0, ttl 300,
%% high_msgq_watermark 0, ipv6_v6only or tclass on inet). Accepted oddities:
%% {buffer, -1}, {recbuf, -1}, {tos, 1000}, {multicast_ttl, 300}, a membership
%% of a unicast group.
-module(udp_open_bad_options).
-export([main/0]).

main() ->
    [io:format("~w: ~w~n", [Opts, try_(fun() -> gen_udp:open(0, Opts) end)])
     || Opts <- [[foo], [{foo, bar}], [{exit_on_close, false}], [{packet, 2}], [{nodelay, true}],
                 [{keepalive, true}], [{linger, {true, 1}}], [{send_timeout, 10}],
                 [{active, foo}], [{active, 32768}], [{mode, foo}], [{buffer, foo}], [{header, -1}],
                 [{deliver, foo}], [{read_packets, -1}], [{debug, foo}], [[active, true]], [{active}],
                 [{ip, {127, 0, 0, 256}}], [{ip, foo}], [{ip, "127.0.0.1"}], [{add_membership, foo}],
                 [binary, {inet_backend, inet}],
                 [{read_packets, 0}], [{ttl, 300}], [{high_msgq_watermark, 0}], [{ipv6_v6only, true}],
                 [{tclass, 5}],
                 [{buffer, -1}], [{recbuf, -1}], [{tos, 1000}], [{multicast_ttl, 300}],
                 [{add_membership, {{1, 2, 3, 4}, {127, 0, 0, 1}}}], [{inet_backend, inet}, binary],
                 [{deliver, port}, {broadcast, true}, {reuseaddr, true}, {dontroute, true}, {priority, 1}]]],
    [io:format("options ~w: ~w~n", [NotAList, try_(fun() -> gen_udp:open(0, NotAList) end)])
     || NotAList <- [active, #{active => true}]],
    ok.

%% The result (ok for a socket, closed at once), or {caught, Class, Reason}
%% for what was raised.
try_(F) ->
    try F() of
        {ok, S} when is_port(S) -> ok = gen_udp:close(S), ok;
        Other -> Other
    catch Class:Reason -> {caught, Class, Reason}
    end.
