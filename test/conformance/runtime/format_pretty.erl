%% ~p breaks a long nested term over lines, as io_lib_pretty does.
-module(format_pretty).
-export([main/0]).

main() ->
    Long = {config, [{name, "a fairly long server name"},
                     {port, 8080},
                     {options, [binary, {active, false}, {packet, 4}, {reuseaddr, true}]},
                     {handlers, #{accept => {handler_module, accept_fun, 2},
                                  close => {handler_module, close_fun, 1}}},
                     {payload, <<"some binary payload that is long">>}]},
    io:format("~p~n", [Long]),
    Deep = [[1, [2, [3, [4, [5, [6, [7, [8, [9, [10]]]]]]]]]], lists:seq(1, 40)],
    io:format("~p~n", [Deep]),
    io:format("~w~n", [Deep]),
    io:format("prefix: ~p~n", [{a_long_atom_name, another_long_atom_name, yet_another_long_atom, more}]).
