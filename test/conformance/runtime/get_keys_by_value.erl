%% get_keys/1 finds a value by =:=, however the value was made: a list, a tuple,
%% a binary or a map built anew still finds the keys that hold an equal one.
-module(get_keys_by_value).
-export([main/0]).

main() ->
    put(a, [1, 2]),
    put(b, {x, <<"y">>}),
    put(c, [1, 2]),
    put(d, #{k => [v]}),
    put(e, 1),
    Ks = get_keys([1, 2]),
    io:format("list value: ~p keys, a ~p, c ~p~n",
              [length(Ks), lists:member(a, Ks), lists:member(c, Ks)]),
    io:format("tuple value: ~p~n", [get_keys({x, <<"y">>})]),
    io:format("map value: ~p~n", [get_keys(#{k => [v]})]),
    io:format("integer value: ~p~n", [get_keys(1)]),
    io:format("a tuple is not a list: ~p~n", [get_keys({1, 2})]),
    io:format("absent value: ~p~n", [get_keys([2, 1])]).
