%% proc_lib:start/start_link/start_monitor: what init_ack gives, a child that
%% dies before it acks, a timeout, init_ack/2 and a second init_ack.
-module(pl_start_results).
-export([main/0, ack/1, die/1, slow/0, twice/0, ack2/1]).

main() ->
    p(proc_lib:start(?MODULE, ack, [hello])),
    p(proc_lib:start(?MODULE, die, [oops])),
    p(proc_lib:start(?MODULE, slow, [], 50)),
    p(proc_lib:start(?MODULE, twice, [])),
    p(receive {ack, _, Second} -> {second, Second} after 50 -> none end),
    p(proc_lib:start(?MODULE, ack2, [self()])),
    process_flag(trap_exit, true),
    p(proc_lib:start_link(?MODULE, ack, [linked])),
    p(proc_lib:start_link(?MODULE, die, [oops])),
    p(drain()),
    p(proc_lib:start_link(?MODULE, slow, [], 50)),
    %% The linked child that acked ends 100 ms after its start: wait for its EXIT rather than
    %% race it (a drain's 20 ms missed it on a slow run); the timed-out child's EXIT is flushed.
    p(receive {'EXIT', _, normal} = E -> [E] after 1000 -> [] end),
    p(drain()),
    {R1, M1} = proc_lib:start_monitor(?MODULE, ack, [monitored]),
    p({R1, is_reference(M1)}),
    {R2, M2} = proc_lib:start_monitor(?MODULE, die, [oops]),
    p(R2),
    p(receive {'DOWN', M2, process, _, R} -> {down, R} after 100 -> none end),
    {R3, M3} = proc_lib:start_monitor(?MODULE, slow, [], 50),
    p(R3),
    p(receive {'DOWN', M3, process, _, R4} -> {down, R4} after 100 -> none end),
    {'EXIT', {Why, _}} = (catch proc_lib:start(?MODULE, "ack", [])),
    p(Why).

p(X) -> io:format("~p~n", [X]).

drain() -> receive X -> [X | drain()] after 20 -> [] end.

ack(X) -> proc_lib:init_ack({ok, X}), receive stop -> ok after 100 -> ok end.
die(R) -> exit(R).
slow() -> timer:sleep(500).
twice() -> proc_lib:init_ack(one), proc_lib:init_ack(two).
ack2(Parent) -> proc_lib:init_ack(Parent, {via_ack2, self() =/= Parent}).
