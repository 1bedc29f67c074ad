%% An error at the end of a chain of linked processes kills each of them in
%% turn with the same reason; a trapping head gets it as a message.
-module(link_chain).
-export([main/0]).

main() ->
    Self = self(),
    Head = spawn(fun() -> process_flag(trap_exit, true), chain(Self, 4) end),
    Pids = receive {chain, Ps} -> Ps end,
    io:format("chain length: ~p~n", [length(Pids)]),
    Refs = [monitor(process, P) || P <- Pids],
    HeadRef = monitor(process, Head),
    Last = lists:last(Pids),
    Last ! crash,
    [receive {'DOWN', R, process, P, Why} -> io:format("~p down: ~p~n", [P, Why]) end
     || {R, P} <- lists:reverse(lists:zip(Refs, Pids))],
    receive {head_got, M} -> io:format("head got: ~p~n", [M]) end,
    Head ! stop,
    receive {'DOWN', HeadRef, process, Head, HeadWhy} -> io:format("head down: ~p~n", [HeadWhy]) end,
    io:format("all dead: ~p~n", [[is_process_alive(P) || P <- Pids]]).

%% Spawns N linked processes in a row below the caller and reports them.
chain(Top, N) ->
    First = spawn_link(fun() -> link_next(Top, N - 1, []) end),
    receive
        {'EXIT', First, _} = M -> Top ! {head_got, M}
    end,
    receive stop -> ok end.

link_next(Top, 0, Acc) ->
    Top ! {chain, lists:reverse([self() | Acc])},
    receive crash -> exit(boom) end;
link_next(Top, N, Acc) ->
    Me = self(),
    spawn_link(fun() -> link_next(Top, N - 1, [Me | Acc]) end),
    receive never -> ok end.
