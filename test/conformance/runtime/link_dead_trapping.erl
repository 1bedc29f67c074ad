%% Linking a dead process while trapping exits gives true and an
%% {'EXIT', Dead, noproc} message.
-module(link_dead_trapping).
-export([main/0]).

main() ->
    {Dead, Ref} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', Ref, process, Dead, normal} -> ok end,
    process_flag(trap_exit, true),
    io:format("link: ~p~n", [link(Dead)]),
    receive
        M -> io:format("~p~n", [M])
    after 100 -> io:format("no message~n")
    end,
    io:format("~p~n", [process_info(self(), links)]),
    io:format("mailbox: ~p~n", [drain()]).

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
