%% inet:cancel_monitor/1 answers as erlang:demonitor(MRef, [info]): true for
%% an active monitor; false for one cancelled already, one that has fired
%% (its DOWN stays in the mailbox), one on a closed socket, and a ref that
%% never was a monitor; badarg for what is not a ref.
-module(inet_cancel_monitor).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    S = ok(gen_tcp:accept(LS)),
    M1 = inet:monitor(C),
    io:format("active: ~w~n", [inet:cancel_monitor(M1)]),
    io:format("cancelled already: ~w~n", [inet:cancel_monitor(M1)]),
    ML = inet:monitor(LS),
    io:format("active on a listen socket: ~w~n", [inet:cancel_monitor(ML)]),
    M2 = inet:monitor(S),
    ok = gen_tcp:close(S),
    timer:sleep(20),
    io:format("fired: ~w~n", [inet:cancel_monitor(M2)]),
    receive {'DOWN', M2, port, S, R2} -> io:format("its DOWN stays: ~w~n", [R2])
    after 0 -> io:format("no DOWN~n")
    end,
    M3 = inet:monitor(S),
    receive {'DOWN', M3, port, S, R3} -> io:format("closed socket: ~w, cancel ~w~n", [R3, inet:cancel_monitor(M3)])
    after 1000 -> io:format("no DOWN~n")
    end,
    io:format("never a monitor: ~w~n", [inet:cancel_monitor(make_ref())]),
    try inet:cancel_monitor(foo) of
        V -> io:format("not a ref: ~w~n", [V])
    catch Class:Reason -> io:format("not a ref: ~w:~w~n", [Class, Reason])
    end,
    ok = gen_tcp:close(C),
    receive {'DOWN', M1, _, _, _} -> io:format("a cancelled monitor sent DOWN~n")
    after 50 -> io:format("no DOWN after cancel~n")
    end,
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.
