%% socket:sendto on an inet dgram socket to a sockaddr of another family
%% (inet6, local).
-module(dgram_sendto_wrong_family).
-export([main/0]).

main() ->
    {ok, B} = socket:open(inet, dgram, udp),
    [try_(D, fun() -> socket:sendto(B, <<"x">>, D) end)
     || D <- [#{family => inet6, addr => {0, 0, 0, 0, 0, 0, 0, 1}, port => 9},
              #{family => local, path => "/tmp/erlts_no_such_socket"}]],
    ok = socket:close(B),
    ok.

try_(Dest, Fun) ->
    try Fun() of
        R -> io:format("~w: returned ~w~n", [Dest, R])
    catch
        Class:Reason -> io:format("~w: ~w:~w~n", [Dest, Class, Reason])
    end.
