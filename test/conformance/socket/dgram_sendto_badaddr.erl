%% socket:sendto with a destination that is not a sockaddr map raises
%% {invalid, {sockaddr, Dest}}; send on an unconnected dgram socket has
%% no destination.
-module(dgram_sendto_badaddr).
-export([main/0]).

main() ->
    {ok, B} = socket:open(inet, dgram, udp),
    [try_(D, fun() -> socket:sendto(B, <<"x">>, D) end) || D <- [foo, {127, 0, 0, 1}, 42, "127.0.0.1:9"]],
    io:format("send: ~w~n", [socket:send(B, <<"x">>)]),
    ok = socket:close(B),
    ok.

try_(Dest, Fun) ->
    try Fun() of
        R -> io:format("~w: returned ~w~n", [Dest, R])
    catch
        Class:Reason -> io:format("~w: ~w:~w~n", [Dest, Class, Reason])
    end.
