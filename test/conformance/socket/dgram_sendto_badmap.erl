%% socket:sendto with a sockaddr map whose family or address is bad:
%% OTP returns {error, {invalid, ...}} for a map (it raises only for a
%% destination that is not a map).
-module(dgram_sendto_badmap).
-export([main/0]).

main() ->
    {ok, B} = socket:open(inet, dgram, udp),
    [try_(D, fun() -> socket:sendto(B, <<"x">>, D) end)
     || D <- [#{family => inet, addr => {1, 2, 3}, port => 9},
              #{family => inet, addr => "127.0.0.1", port => 9},
              #{family => foo, addr => any, port => 9},
              #{}]],
    ok = socket:close(B),
    ok.

try_(Dest, Fun) ->
    try Fun() of
        R -> io:format("~w: returned ~w~n", [Dest, R])
    catch
        Class:Reason -> io:format("~w: ~w:~w~n", [Dest, Class, Reason])
    end.
