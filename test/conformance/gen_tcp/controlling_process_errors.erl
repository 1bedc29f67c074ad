%% controlling_process: only the owner may hand a socket over
%% ({error, not_owner} otherwise), a dead new owner gives {error, badarg},
%% handing it to the owner itself is ok, and a closed socket gives
%% {error, closed}.
-module(controlling_process_errors).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    S = ok(gen_tcp:accept(LS)),
    Self = self(),
    Other = spawn(fun() ->
                          Self ! {other, gen_tcp:controlling_process(S, self())},
                          receive stop -> ok end
                  end),
    receive {other, R1} -> io:format("not the owner: ~w~n", [R1]) end,
    {Dead, Ref} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', Ref, process, Dead, normal} -> ok end,
    io:format("dead pid: ~w~n", [gen_tcp:controlling_process(S, Dead)]),
    io:format("to self: ~w~n", [gen_tcp:controlling_process(S, self())]),
    io:format("to other: ~w~n", [gen_tcp:controlling_process(S, Other)]),
    io:format("now not the owner: ~w~n", [gen_tcp:controlling_process(S, self())]),
    io:format("listen socket: ~w~n", [gen_tcp:controlling_process(LS, Other)]),
    ok = gen_tcp:close(C),
    io:format("closed socket: ~w~n", [gen_tcp:controlling_process(C, Other)]),
    Other ! stop,
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.
