%% What send makes of bad destinations, by where it is caught: gen_udp exits
%% badarg when the host does not resolve to an address of the family for a
%% reason other than nxdomain (a 5-tuple, an octet above 255, the empty name)
%% or the port is an unknown service name; inet_udp has no clause for a port
%% out of range or a bad {IP, Port} or map (function_clause); the kernel says
%% einval to port 0; an IPv6 tuple on an inet socket is eafnosupport; a
%% PortZero other than 0 after {IP, Port} is einval; AncData that is no list
%% is function_clause, a map with PortZero 0 exits badarg. From
%% gen_udp_SUITE:bad_address (OTP-3836).
-module(udp_send_bad_destination).
-export([main/0]).

main() ->
    S = ok(gen_udp:open(0, [binary, {active, false}])),
    R = ok(gen_udp:open(0, [binary, {active, false}])),
    RP = ok(inet:port(R)),
    Map = #{family => inet, addr => {127, 0, 0, 1}, port => RP},
    Cases = [{"{127,0,0,1,0}", fun() -> gen_udp:send(S, {127, 0, 0, 1, 0}, RP, "void") end},
             {"{127,0,0,256}", fun() -> gen_udp:send(S, {127, 0, 0, 256}, RP, "void") end},
             {"empty host", fun() -> gen_udp:send(S, "", RP, "void") end},
             {"port foo", fun() -> gen_udp:send(S, {127, 0, 0, 1}, foo, "void") end},
             {"port -1", fun() -> gen_udp:send(S, {127, 0, 0, 1}, -1, "void") end},
             {"port 65536", fun() -> gen_udp:send(S, {127, 0, 0, 1}, 65536, "void") end},
             {"port 0", fun() -> gen_udp:send(S, {127, 0, 0, 1}, 0, "void") end},
             {"{IP, 0}", fun() -> gen_udp:send(S, {{127, 0, 0, 1}, 0}, "void") end},
             {"{{127,0,0,256}, Port}", fun() -> gen_udp:send(S, {{127, 0, 0, 256}, RP}, "void") end},
             {"{IP, 65536}", fun() -> gen_udp:send(S, {{127, 0, 0, 1}, 65536}, "void") end},
             {"{\"localhost\", Port}", fun() -> gen_udp:send(S, {"localhost", RP}, "void") end},
             {"ipv6 tuple", fun() -> gen_udp:send(S, {0, 0, 0, 0, 0, 0, 0, 1}, RP, "void") end},
             {"{ipv6 tuple, Port}", fun() -> gen_udp:send(S, {{0, 0, 0, 0, 0, 0, 0, 1}, RP}, "void") end},
             {"map addr loopback", fun() -> gen_udp:send(S, Map#{addr => loopback}, "void") end},
             {"map addr {127,0,0,256}", fun() -> gen_udp:send(S, Map#{addr => {127, 0, 0, 256}}, "void") end},
             {"map without port", fun() -> gen_udp:send(S, maps:remove(port, Map), "void") end},
             {"map inet6", fun() -> gen_udp:send(S, Map#{family => inet6}, "void") end},
             {"{IP, Port}, 5", fun() -> gen_udp:send(S, {{127, 0, 0, 1}, RP}, 5, "void") end},
             {"map, 0", fun() -> gen_udp:send(S, Map, 0, "void") end},
             {"AncData foo", fun() -> gen_udp:send(S, {127, 0, 0, 1}, RP, foo, "void") end},
             {"AncData [{bogus, 1}]", fun() -> gen_udp:send(S, {127, 0, 0, 1}, RP, [{bogus, 1}], "void") end},
             {"not a socket", fun() -> gen_udp:send(foo, {127, 0, 0, 1}, RP, "void") end}],
    [io:format("~s: ~w~n", [Label, try_(F)]) || {Label, F} <- Cases],
    timer:sleep(20),
    io:format("nothing arrived: ~w~n", [gen_udp:recv(R, 0, 0)]),
    ok = gen_udp:send(S, {127, 0, 0, 1}, RP, <<"fine">>),
    io:format("~p~n", [element(3, ok(gen_udp:recv(R, 0, 1000)))]),
    ok = gen_udp:close(S),
    ok = gen_udp:close(R).

%% The result, or {caught, Class, Reason} for what was raised.
try_(F) ->
    try F()
    catch Class:Reason -> {caught, Class, Reason}
    end.

ok({ok, X}) -> X.
