%% inet:setopts/2 with options that are not a list raises error
%% {bad_generator, Opts}, on a connected and on a listen socket (its list
%% comprehension over them fails), and changes nothing.
-module(setopts_not_a_list).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    S = ok(gen_tcp:accept(LS)),
    [io:format("setopts options ~w: ~w ~w~n",
               [NotAList, try_(fun() -> inet:setopts(C, NotAList) end),
                try_(fun() -> inet:setopts(LS, NotAList) end)])
     || NotAList <- [foo, #{active => true}, 42, <<"binary">>, undefined]],
    io:format("unchanged: ~w~n", [inet:getopts(C, [active, mode])]),
    [ok = gen_tcp:close(X) || X <- [C, S, LS]],
    ok.

%% The result, or the class and reason of what was raised.
try_(F) ->
    try F()
    catch Class:Reason -> {Class, Reason}
    end.

ok({ok, X}) -> X.
