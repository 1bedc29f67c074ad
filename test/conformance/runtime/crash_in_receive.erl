%% An error raised in a receive body kills the process with {Reason, Stack},
%% which propagates through a non-trapping link to a trapping process.
%% Only the head of the reason is printed: the stack differs by design.
-module(crash_in_receive).
-export([main/0]).

main() ->
    process_flag(trap_exit, true),
    Self = self(),
    Mid = spawn_link(fun() ->
                             Worker = spawn_link(fun() ->
                                                         receive
                                                             {crash, R} -> erlang:error(R)
                                                         end
                                                 end),
                             Self ! {worker, Worker},
                             receive never -> ok end
                     end),
    Worker = receive {worker, W} -> W end,
    Worker ! {crash, boom},
    receive
        {'EXIT', Mid, {Why, Stack}} when is_list(Stack) ->
            io:format("~p died: ~p~n", [Mid, Why])
    end,
    io:format("worker alive: ~p~n", [is_process_alive(Worker)]),
    io:format("mailbox: ~p~n", [drain()]).

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
