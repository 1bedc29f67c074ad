%% gen_udp:controlling_process: a process that is not the owner gets
%% {error, not_owner}, unless it names the current owner (ok, nothing
%% changes). Handing it to a dead process is {error, badarg} and leaves the
%% socket {active, false}: inet:udp_controlling_process turned it passive to
%% move the messages and does not restore it. On a closed socket it raises
%% {badmatch, {error, einval}} (it reads the active option unchecked). Not a
%% socket or not a pid: function_clause.
-module(udp_controlling_process_errors).
-export([main/0]).

main() ->
    S = ok(gen_udp:open(0, [{active, true}])),
    Self = self(),
    Other = spawn(fun() ->
                          Self ! {other, gen_udp:controlling_process(S, self()),
                                  gen_udp:controlling_process(S, Self)},
                          receive stop -> ok end
                  end),
    receive {other, R1, R2} -> io:format("not the owner: ~w, naming the owner: ~w~n", [R1, R2]) end,
    io:format("to self: ~w~n", [gen_udp:controlling_process(S, self())]),
    {Dead, Ref} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', Ref, process, Dead, normal} -> ok end,
    io:format("dead pid: ~w ~w~n", [gen_udp:controlling_process(S, Dead), inet:getopts(S, [active])]),
    io:format("still the owner: ~w~n", [maps:get(owner, inet:info(S)) =:= self()]),
    io:format("to other: ~w~n", [gen_udp:controlling_process(S, Other)]),
    io:format("now not the owner: ~w~n", [gen_udp:controlling_process(S, self())]),
    io:format("not a pid: ~w~n", [try_(fun() -> gen_udp:controlling_process(S, foo) end)]),
    io:format("not a socket: ~w~n", [try_(fun() -> gen_udp:controlling_process(foo, self()) end)]),
    C = ok(gen_udp:open(0)),
    ok = gen_udp:close(C),
    io:format("closed socket: ~w~n", [try_(fun() -> gen_udp:controlling_process(C, Other) end)]),
    Other ! stop,
    timer:sleep(20),
    io:format("owner gone: ~w~n", [inet:port(S)]).

%% The result, or {caught, Class, Reason} for what was raised.
try_(F) ->
    try F()
    catch Class:Reason -> {caught, Class, Reason}
    end.

ok({ok, X}) -> X.
