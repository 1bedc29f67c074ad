%% socket:open/2,3,4: invalid domain, type and protocol are errors, the
%% defaults open a stream socket, and a second close says closed.
-module(open_errors).
-export([main/0]).

main() ->
    io:format("~w~n", [socket:open(foo, stream, tcp)]),
    io:format("~w~n", [socket:open(inet, foo, tcp)]),
    io:format("~w~n", [socket:open(inet, stream, foo)]),
    {ok, S1} = socket:open(inet, stream),
    {ok, S2} = socket:open(inet, stream, tcp),
    {ok, S3} = socket:open(inet, stream, default, #{}),
    {ok, S4} = socket:open(inet, stream, tcp, #{use_registry => true}),
    io:format("~w~n", [S1]),
    io:format("distinct: ~w~n", [length(lists:usort([S1, S2, S3, S4]))]),
    io:format("~w~n", [socket:close(S1)]),
    io:format("~w~n", [socket:close(S1)]),
    [ok = socket:close(S) || S <- [S2, S3, S4]],
    ok.
