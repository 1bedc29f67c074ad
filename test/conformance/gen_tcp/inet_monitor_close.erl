%% inet:monitor/1 on a socket: {'DOWN', Ref, port, S, normal} when it is
%% closed; monitoring an already closed socket gives a DOWN with noproc;
%% cancel_monitor removes a monitor.
-module(inet_monitor_close).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    S = ok(gen_tcp:accept(LS)),
    MC = inet:monitor(C),
    MS = inet:monitor(S),
    MS2 = inet:monitor(S),
    io:format("cancel: ~w~n", [inet:cancel_monitor(MS2)]),
    ok = gen_tcp:close(C),
    receive {'DOWN', MC, port, C, R1} = D1 -> io:format("~w ~w~n", [D1, R1])
    after 1000 -> io:format("no DOWN~n")
    end,
    ok = gen_tcp:close(S),
    receive {'DOWN', MS, port, S, R2} -> io:format("DOWN for S: ~w~n", [R2])
    after 1000 -> io:format("no DOWN~n")
    end,
    MC2 = inet:monitor(C),
    receive {'DOWN', MC2, Type, C, R3} -> io:format("closed socket: ~w ~w~n", [Type, R3])
    after 1000 -> io:format("no DOWN~n")
    end,
    ML = inet:monitor(LS),
    Self = self(),
    spawn(fun() -> Self ! {closed, gen_tcp:close(LS)} end),
    receive {closed, ok} -> ok end,
    receive {'DOWN', ML, port, LS, R4} -> io:format("listen socket closed by another process: ~w~n", [R4])
    after 1000 -> io:format("no DOWN~n")
    end,
    timer:sleep(20),
    io:format("mailbox: ~w~n", [drain()]).

ok({ok, X}) -> X.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
