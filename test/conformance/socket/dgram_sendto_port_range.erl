%% socket:sendto to a port outside 0..65535: OTP takes the port modulo
%% 2^16 and sends (70000 -> 4464, -1 -> 65535), checked here by a bound
%% receiver on its own port plus 65536.
-module(dgram_sendto_port_range).
-export([main/0]).

main() ->
    {ok, A} = socket:open(inet, dgram, udp),
    ok = socket:bind(A, #{family => inet, addr => loopback, port => 0}),
    {ok, #{port := Port}} = socket:sockname(A),
    {ok, B} = socket:open(inet, dgram, udp),
    try_(plus_65536, fun() -> socket:sendto(B, <<"wrapped">>, #{family => inet, addr => loopback, port => Port + 65536}) end),
    io:format("~w~n", [case socket:recvfrom(A, 0, 200) of {ok, {_, D}} -> D; E -> E end]),
    try_(minus_one, fun() -> socket:sendto(B, <<"x">>, #{family => inet, addr => loopback, port => -1}) end),
    [ok = socket:close(X) || X <- [A, B]],
    ok.

try_(What, Fun) ->
    try Fun() of
        R -> io:format("~w: returned ~w~n", [What, R])
    catch
        Class:Reason -> io:format("~w: ~w:~w~n", [What, Class, Reason])
    end.
