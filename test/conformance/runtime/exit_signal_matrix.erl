%% Every exit-signal case at once: a signal by link (the source dies with
%% Reason) or by exit/2, for each Reason, to a target trapping exits or not.
%% Each case runs in its own process; results are printed in case order.
-module(exit_signal_matrix).
-export([main/0]).

main() ->
    Self = self(),
    Cases = [{Via, Reason, Trap} || Via <- [link, exit2],
                                    Reason <- [normal, kill, killed, shutdown, boom, {tuple, 1}],
                                    Trap <- [false, true]],
    Indexed = lists:zip(lists:seq(1, length(Cases)), Cases),
    [spawn(fun() -> Self ! {result, I, run_case(C)} end) || {I, C} <- Indexed],
    [receive {result, I, Text} -> io:format("~w ~w trap=~w: ~s~n", [Via, Reason, Trap, Text]) end
     || {I, {Via, Reason, Trap}} <- Indexed],
    self_cases().

run_case({Via, Reason, Trap}) ->
    Runner = self(),
    Target = spawn(fun() ->
                           process_flag(trap_exit, Trap),
                           Runner ! ready,
                           receive M -> Runner ! {got, M} after 50 -> Runner ! no_message end
                   end),
    receive ready -> ok end,
    Ref = monitor(process, Target),
    Source = case Via of
                 link ->
                     S = spawn(fun() -> link(Target), Runner ! linked, receive go -> exit(Reason) end end),
                     receive linked -> ok end,
                     S ! go,
                     S;
                 exit2 ->
                     exit(Target, Reason),
                     Runner
             end,
    receive
        {'DOWN', Ref, process, Target, R} -> io_lib:format("died ~w", [R]);
        {got, {'EXIT', From, R}} when From =:= Source -> io_lib:format("trapped ~w from the source", [R]);
        {got, Other} -> io_lib:format("got ~w", [Other]);
        no_message -> "survived"
    end.

self_cases() ->
    [begin
         Parent = self(),
         {Pid, Ref} = spawn_monitor(fun() ->
                                            process_flag(trap_exit, Trap),
                                            exit(self(), Reason),
                                            receive M -> Parent ! {self_got, M} after 50 -> ok end
                                    end),
         receive
             {'DOWN', Ref, process, Pid, R} ->
                 receive {self_got, M} -> io:format("exit(self(), ~w) trap=~w: got ~w, then ~w~n", [Reason, Trap, M, R])
                 after 0 -> io:format("exit(self(), ~w) trap=~w: died ~w~n", [Reason, Trap, R])
                 end
         end
     end || Reason <- [normal, kill, boom], Trap <- [false, true]],
    ok.
