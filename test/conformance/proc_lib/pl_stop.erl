%% proc_lib:stop/1,3 on a special process and a gen_server: ok, the reason
%% the process exits with, noproc, timeout, and a process that dies with
%% another reason while stopping.
-module(pl_stop).
-behaviour(gen_server).
-export([main/0, init/1, handle_call/3, handle_cast/2, terminate/2]).

main() ->
    {ok, P1} = gen_server:start(?MODULE, normal, []),
    M1 = monitor(process, P1),
    p(proc_lib:stop(P1)),
    p(receive {'DOWN', M1, _, _, R1} -> R1 end),
    {ok, P2} = gen_server:start(?MODULE, normal, []),
    M2 = monitor(process, P2),
    p(proc_lib:stop(P2, {shutdown, x}, 1000)),
    p(receive {'DOWN', M2, _, _, R2} -> R2 end),
    p(catch proc_lib:stop(P2)),
    {ok, P3} = gen_server:start(?MODULE, slow, []),
    p(catch proc_lib:stop(P3, normal, 50)),
    {ok, P4} = gen_server:start(?MODULE, other, []),
    p(catch proc_lib:stop(P4, normal, 1000)),
    p(catch proc_lib:stop(nobody)).

p(X) -> io:format("~p~n", [X]).

init(Kind) -> {ok, Kind}.
handle_call(_, _From, S) -> {reply, ok, S}.
handle_cast(_, S) -> {noreply, S}.
terminate(_, slow) -> timer:sleep(150);
terminate(_, other) -> exit(other_reason);
terminate(_, _) -> ok.
