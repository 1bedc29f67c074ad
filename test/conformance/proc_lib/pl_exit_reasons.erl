%% The exit reason of a proc_lib process whose function returns, exits,
%% raises an error or throws, seen through a link and a monitor; and what
%% proc_lib keeps in its dictionary ($ancestors, $initial_call).
-module(pl_exit_reasons).
-export([main/0, run/1, info/1]).

main() ->
    process_flag(trap_exit, true),
    [begin
         P = proc_lib:spawn_link(?MODULE, run, [How]),
         M = monitor(process, P),
         Down = receive {'DOWN', M, process, P, D} -> head(D) end,
         Exit = receive {'EXIT', P, E} -> head(E) end,
         p({How, Down, Exit})
     end || How <- [return, {exit, normal}, {exit, {shutdown, x}}, {exit, boom},
                    {error, badarg}, {throw, oops}]],
    register(pl_parent, self()),
    P = proc_lib:spawn(?MODULE, info, [self()]),
    p(receive {info, I} -> I end),
    p(proc_lib:initial_call(P)),
    p(proc_lib:translate_initial_call(P)),
    p(proc_lib:initial_call(self())),
    p(proc_lib:translate_initial_call(self())),
    P ! go,
    unregister(pl_parent).

head({R, [{_, _, _, _} | _]}) -> {R, stack};
head(R) -> R.

p(X) -> io:format("~p~n", [X]).

run(return) -> done;
run({exit, R}) -> exit(R);
run({error, R}) -> erlang:error(R);
run({throw, T}) -> throw(T).

info(Parent) ->
    Parent ! {info, {get('$ancestors'), get('$initial_call'),
                     process_info(self(), initial_call)}},
    receive go -> ok end.
