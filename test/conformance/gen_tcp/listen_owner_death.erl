%% A listen socket belongs to the process that opened it: when that process
%% dies, the socket closes and a process waiting in accept gets
%% {error, closed}; after controlling_process the old owner's death no
%% longer matters.
-module(listen_owner_death).
-export([main/0]).

main() ->
    Self = self(),
    Owner = spawn(fun() ->
                          Self ! {listening, gen_tcp:listen(0, [binary, {active, false}])},
                          receive stop -> ok end
                  end),
    LS1 = receive {listening, {ok, L1}} -> L1 end,
    spawn(fun() -> Self ! {acceptor, gen_tcp:accept(LS1)} end),
    timer:sleep(20),
    Owner ! stop,
    receive {acceptor, R} -> io:format("acceptor: ~w~n", [R]) after 1000 -> io:format("no answer~n") end,
    io:format("port: ~w~n", [inet:port(LS1)]),
    Owner2 = spawn(fun() ->
                           {ok, L} = gen_tcp:listen(0, [binary, {active, false}]),
                           ok = gen_tcp:controlling_process(L, Self),
                           Self ! {listening, L},
                           receive stop -> ok end
                   end),
    LS2 = receive {listening, L2} -> L2 end,
    Owner2 ! stop,
    timer:sleep(20),
    Port2 = ok(inet:port(LS2)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port2, [binary, {active, false}])),
    {Res, S} = gen_tcp:accept(LS2, 1000),
    io:format("after the old owner died: ~w~n", [Res]),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(LS2).

ok({ok, X}) -> X.
