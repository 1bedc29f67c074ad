%% Every call on a closed socket: send (every form), recv and connect say
%% {error, closed}, except a send/4 with a non-zero PortZero (einval, checked
%% first); the inet functions say {error, einval}; inet:info gives
%% #{states => [closed]}; controlling_process raises {badmatch,
%% {error, einval}}; close again is ok; monitoring it gives a DOWN with
%% noproc. From gen_udp_SUITE:otp_17492.
-module(udp_closed_socket_calls).
-export([main/0]).

main() ->
    S = ok(gen_udp:open(0, [binary, {active, false}])),
    P = ok(inet:port(S)),
    ok = gen_udp:close(S),
    Calls = [{"send/2", fun() -> gen_udp:send(S, <<"x">>) end},
             {"send/3", fun() -> gen_udp:send(S, {{127, 0, 0, 1}, P}, <<"x">>) end},
             {"send/3 map", fun() -> gen_udp:send(S, #{family => inet, addr => {127, 0, 0, 1}, port => P}, <<"x">>) end},
             {"send/4", fun() -> gen_udp:send(S, {127, 0, 0, 1}, P, <<"x">>) end},
             {"send/4 PortZero 0", fun() -> gen_udp:send(S, {{127, 0, 0, 1}, P}, 0, <<"x">>) end},
             {"send/4 PortZero 5", fun() -> gen_udp:send(S, {{127, 0, 0, 1}, P}, 5, <<"x">>) end},
             {"send/5", fun() -> gen_udp:send(S, {127, 0, 0, 1}, P, [], <<"x">>) end},
             {"send/4 bad address", fun() -> gen_udp:send(S, {127, 0, 0, 256}, P, <<"x">>) end},
             {"recv/2", fun() -> gen_udp:recv(S, 0) end},
             {"recv/3", fun() -> gen_udp:recv(S, 0, 100) end},
             {"recv/3 bad timeout", fun() -> gen_udp:recv(S, 0, -1) end},
             {"connect/3", fun() -> gen_udp:connect(S, {127, 0, 0, 1}, P) end},
             {"connect/2", fun() -> gen_udp:connect(S, #{family => inet, addr => {127, 0, 0, 1}, port => P}) end},
             {"setopts", fun() -> inet:setopts(S, [{active, true}]) end},
             {"getopts", fun() -> inet:getopts(S, [active]) end},
             {"sockname", fun() -> inet:sockname(S) end},
             {"peername", fun() -> inet:peername(S) end},
             {"port", fun() -> inet:port(S) end},
             {"getstat", fun() -> inet:getstat(S) end},
             {"info", fun() -> inet:info(S) end},
             {"controlling_process", fun() -> gen_udp:controlling_process(S, self()) end},
             {"close", fun() -> gen_udp:close(S) end}],
    [io:format("~s: ~w~n", [Label, try_(F)]) || {Label, F} <- Calls],
    M = inet:monitor(S),
    receive {'DOWN', M, Type, S, Reason} -> io:format("monitor: ~w ~w~n", [Type, Reason])
    after 1000 -> io:format("no DOWN~n")
    end,
    io:format("mailbox: ~w~n", [drain()]).

%% The result, or {caught, Class, Reason} for what was raised.
try_(F) ->
    try F()
    catch Class:Reason -> {caught, Class, Reason}
    end.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.

ok({ok, X}) -> X.
