%% sockname of a socket that is open but not bound: the wildcard address
%% with port 0.
-module(sockname_unbound).
-export([main/0]).

main() ->
    {ok, S} = socket:open(inet, stream, tcp),
    io:format("~w~n", [socket:sockname(S)]),
    io:format("~w~n", [socket:peername(S)]),
    ok = socket:close(S),
    ok.
