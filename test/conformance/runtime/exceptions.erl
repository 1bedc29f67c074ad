%% try/catch sees the three classes; catch turns them into values.
-module(exceptions).
-export([main/0]).

main() ->
    [show(F) || F <- [fun() -> erlang:error(badarg) end,
                      fun() -> erlang:error({custom, 1}) end,
                      fun() -> exit(bye) end,
                      fun() -> exit({shutdown, x}) end,
                      fun() -> throw(ball) end,
                      fun() -> throw({nested, [1, 2]}) end,
                      fun() -> fine end]],
    io:format("catch throw: ~p~n", [catch throw(ball)]),
    io:format("catch exit: ~p~n", [catch exit(bye)]),
    {'EXIT', {Why, Stack}} = (catch erlang:error(oops)),
    io:format("catch error: ~p (stack is a list: ~p)~n", [Why, is_list(Stack)]),
    io:format("catch value: ~p~n", [catch ok]).

show(F) ->
    try F() of
        V -> io:format("value ~p~n", [V])
    catch
        error:R -> io:format("error ~p~n", [R]);
        exit:R -> io:format("exit ~p~n", [R]);
        throw:R -> io:format("throw ~p~n", [R])
    end.
