%% put/get/erase return values.
-module(process_dictionary).
-export([main/0]).

main() ->
    io:format("put new: ~p~n", [put(key, 1)]),
    io:format("put again: ~p~n", [put(key, 2)]),
    io:format("get: ~p~n", [get(key)]),
    io:format("get missing: ~p~n", [get(missing)]),
    io:format("put tuple key: ~p~n", [put({tuple, key}, [a, list])]),
    io:format("get tuple key: ~p~n", [get({tuple, key})]),
    io:format("entries: ~p~n", [length(get())]),
    io:format("erase: ~p~n", [erase(key)]),
    io:format("erase again: ~p~n", [erase(key)]),
    io:format("get erased: ~p~n", [get(key)]),
    put(other, "text"),
    io:format("erase all: ~p~n", [length(erase())]),
    io:format("after erase(): ~p~n", [get()]),
    Self = self(),
    spawn(fun() -> Self ! {child_sees, get(key)} end),
    put(key, parent_value),
    receive {child_sees, V} -> io:format("a child's dictionary is its own: ~p~n", [V]) end.
