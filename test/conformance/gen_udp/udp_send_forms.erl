%% The forms of gen_udp:send: send/3 with {IP, Port}, a sockaddr map or
%% {inet, {Address, Port}} (Address may be loopback); send/4 with a host and
%% a port (an IP tuple or a name), or with a destination and AncData [] or
%% PortZero 0; send/5 with a host, a port and AncData []. Each datagram
%% arrives from the sending socket's port. From
%% gen_udp_SUITE:t_simple_local_sockaddr_in_send_recv and recvtos.
-module(udp_send_forms).
-export([main/0]).

main() ->
    R = ok(gen_udp:open(0, [binary, {active, false}])),
    RP = ok(inet:port(R)),
    S = ok(gen_udp:open(0, [binary, {active, false}])),
    SP = ok(inet:port(S)),
    Map = #{family => inet, addr => {127, 0, 0, 1}, port => RP},
    Sends = [{"send/3 {IP, Port}", fun() -> gen_udp:send(S, {{127, 0, 0, 1}, RP}, <<"a">>) end},
             {"send/3 map", fun() -> gen_udp:send(S, Map, <<"b">>) end},
             {"send/3 {inet, {loopback, Port}}", fun() -> gen_udp:send(S, {inet, {loopback, RP}}, <<"c">>) end},
             {"send/3 {inet, {IP, Port}}", fun() -> gen_udp:send(S, {inet, {{127, 0, 0, 1}, RP}}, <<"d">>) end},
             {"send/4 IP, Port", fun() -> gen_udp:send(S, {127, 0, 0, 1}, RP, <<"e">>) end},
             {"send/4 name, Port", fun() -> gen_udp:send(S, "localhost", RP, <<"f">>) end},
             {"send/4 {IP, Port}, 0", fun() -> gen_udp:send(S, {{127, 0, 0, 1}, RP}, 0, <<"g">>) end},
             {"send/4 {IP, Port}, []", fun() -> gen_udp:send(S, {{127, 0, 0, 1}, RP}, [], <<"h">>) end},
             {"send/4 map, []", fun() -> gen_udp:send(S, Map, [], <<"i">>) end},
             {"send/5 IP, Port, []", fun() -> gen_udp:send(S, {127, 0, 0, 1}, RP, [], <<"j">>) end}],
    [begin
         Result = F(),
         {ok, {IP, P, D}} = gen_udp:recv(R, 0, 1000),
         io:format("~s: ~w ~w ~w ~p~n", [Label, Result, IP, P =:= SP, D])
     end || {Label, F} <- Sends],
    ok = gen_udp:close(S),
    ok = gen_udp:close(R).

ok({ok, X}) -> X.
