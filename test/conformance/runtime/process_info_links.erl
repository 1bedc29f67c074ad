%% process_info links, trap_exit and registered_name.
-module(process_info_links).
-export([main/0]).

main() ->
    io:format("~p~n", [process_info(self(), trap_exit)]),
    process_flag(trap_exit, true),
    io:format("~p~n", [process_info(self(), trap_exit)]),
    io:format("~p~n", [process_info(self(), registered_name)]),
    register(conf_info, self()),
    io:format("~p~n", [process_info(self(), registered_name)]),
    io:format("~p~n", [process_info(self(), links)]),
    P = spawn_link(fun() -> receive stop -> ok end end),
    io:format("~p~n", [process_info(self(), links)]),
    io:format("~p~n", [process_info(P, links)]),
    io:format("unlink: ~p~n", [unlink(P)]),
    io:format("~p~n", [process_info(self(), links)]),
    io:format("~p~n", [process_info(P, links)]),
    link(P),
    P ! stop,
    receive {'EXIT', P, _} = M -> io:format("~p~n", [M]) end,
    io:format("~p~n", [process_info(self(), links)]),
    unregister(conf_info),
    io:format("~p~n", [process_info(self(), registered_name)]).
