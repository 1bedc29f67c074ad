%% A linked process killed with exit(P, kill) sends killed to its links;
%% a process that exits with reason kill itself sends plain kill, which a
%% trapping link receives as a message and a non-trapping one dies of.
-module(trapped_kill_from_link).
-export([main/0]).

main() ->
    process_flag(trap_exit, true),
    Self = self(),
    Linked = spawn_link(fun() -> receive never -> ok end end),
    exit(Linked, kill),
    receive {'EXIT', Linked, _} = M1 -> io:format("~p~n", [M1]) end,
    A = spawn_link(fun() ->
                           B = spawn_link(fun() -> receive never -> ok end end),
                           Self ! {b, B},
                           receive never -> ok end
                   end),
    B = receive {b, Pb} -> Pb end,
    exit(B, kill),
    receive {'EXIT', A, RA} -> io:format("middle process died: ~p~n", [RA]) end,
    C = spawn_link(fun() -> exit(kill) end),
    receive {'EXIT', C, _} = M3 -> io:format("~p~n", [M3]) end,
    D = spawn_link(fun() ->
                           E = spawn_link(fun() -> receive go -> exit(kill) end end),
                           Self ! {e, E},
                           receive never -> ok end
                   end),
    E = receive {e, Pe} -> Pe end,
    E ! go,
    receive {'EXIT', D, RD} -> io:format("non-trapping link of exit(kill) died: ~p~n", [RD]) end,
    io:format("mailbox: ~p~n", [drain()]).

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
