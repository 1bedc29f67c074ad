%% socket:sendto to an inet sockaddr map without a port (the port defaults
%% to 0, to which nothing can be sent) or with port 0.
-module(dgram_sendto_no_port).
-export([main/0]).

main() ->
    {ok, B} = socket:open(inet, dgram, udp),
    [try_(D, fun() -> socket:sendto(B, <<"x">>, D) end)
     || D <- [#{family => inet},
              #{family => inet, addr => {127, 0, 0, 1}},
              #{family => inet, addr => loopback, port => 0}]],
    ok = socket:close(B),
    ok.

try_(Dest, Fun) ->
    try Fun() of
        R -> io:format("~w: returned ~w~n", [Dest, R])
    catch
        Class:Reason -> io:format("~w: ~w:~w~n", [Dest, Class, Reason])
    end.
