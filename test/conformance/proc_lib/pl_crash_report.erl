%% proc_lib's crash report as logger formats it, captured by a handler: the
%% class and the explanation of each common error reason, a long reason that
%% wraps, a process with a registered name, messages, a dictionary and a
%% linked neighbour. Stack lines and sizes differ by design and are left out.
-module(pl_crash_report).
-export([main/0, log/2, crash/2, crash_busy/0, neighbour/0]).

main() ->
    logger:add_handler(pl_cap, ?MODULE, #{}),
    logger:set_primary_config(level, notice),
    [run(crash, [C, R]) || {C, R} <- [{error, badarg}, {error, badarith},
                                      {error, {badmatch, [1, 2]}},
                                      {error, {case_clause, {a, b}}},
                                      {error, if_clause},
                                      {error, {try_clause, x}},
                                      {error, {badkey, k}},
                                      {error, {badmap, not_a_map}},
                                      {error, {badfun, 42}},
                                      {error, noproc},
                                      {error, system_limit},
                                      {error, timeout_value},
                                      {error, {some, other, reason}},
                                      {exit, boom},
                                      {throw, oops},
                                      {exit, {shutdown, quiet}},
                                      {exit, lists:seq(1, 40)}]],
    run(crash_busy, []),
    logger:set_primary_config(level, none),
    logger:remove_handler(pl_cap).

run(F, A) ->
    {Pid, Ref} = spawn_monitor(fun() ->
                                       P = proc_lib:spawn(?MODULE, F, A),
                                       receive {'DOWN', _, _, _, _} -> ok after 0 -> ok end,
                                       M = monitor(process, P),
                                       receive {'DOWN', M, _, _, _} -> ok end
                               end),
    receive {'DOWN', Ref, process, Pid, _} -> timer:sleep(5) end.

crash(error, R) -> erlang:error(R);
crash(exit, R) -> exit(R);
crash(throw, R) -> throw(R).

crash_busy() ->
    register(pl_busy, self()),
    put(key, [value, lists:seq(1, 30)]),
    self() ! {hello, "world"},
    self() ! lists:seq(1, 25),
    proc_lib:spawn_link(?MODULE, neighbour, []),
    timer:sleep(20),
    exit({busy, lists:seq(1, 30)}).

neighbour() ->
    receive stop -> ok end.

log(#{level := Level} = Event, _Config) ->
    Text = unicode:characters_to_list(
             logger_formatter:format(Event, #{template => [msg], single_line => false})),
    io:format("-- ~p~n", [Level]),
    Lines = lists:takewhile(fun(L) -> not lists:prefix("      current_stacktrace", L) end,
                            string:split(Text, "\n", all)),
    [io:format("~ts~n", [L]) || L <- Lines, keep(L)].

%% Stacks differ by design, and so do heap and stack sizes and reductions.
keep(L) ->
    not (lists:any(fun(P) -> lists:prefix(P, L) end,
                   ["      in ", "    heap_size", "    stack_size", "    reductions",
                    "        heap_size", "        stack_size", "        reductions",
                    "        current_function", "      heap_size", "      stack_size", "      reductions"])).
