%% A socket monitor when the socket's owner dies: the socket closes with the
%% owner's exit reason, and a monitor set by another process reports it
%% (OTP 25 tags that DOWN process, not port); a peer close on an active
%% socket closes it at once, with normal.
-module(inet_monitor_owner_exit).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    Port = ok(inet:port(LS)),
    Self = self(),
    Owner = spawn(fun() ->
                          Self ! {accepted, gen_tcp:accept(LS)},
                          receive {die, Reason} -> exit(Reason) end
                  end),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, true}])),
    S = receive {accepted, {ok, A}} -> A end,
    M = inet:monitor(S),
    Owner ! {die, {shutdown, boom}},
    receive {'DOWN', M, Type, S, R} -> io:format("owner died: ~w ~w~n", [Type, R])
    after 1000 -> io:format("no DOWN~n")
    end,
    receive {tcp_closed, C} -> io:format("peer: tcp_closed~n")
    after 1000 -> io:format("no tcp_closed~n")
    end,
    C2 = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, true}])),
    S2 = ok(gen_tcp:accept(LS)),
    M2 = inet:monitor(C2),
    ok = gen_tcp:close(S2),
    receive {tcp_closed, C2} -> io:format("tcp_closed~n")
    after 1000 -> io:format("no tcp_closed~n")
    end,
    receive {'DOWN', M2, port, C2, R2} -> io:format("after peer close: ~w~n", [R2])
    after 100 -> io:format("no DOWN after peer close~n")
    end,
    ok = gen_tcp:close(C2),
    receive {'DOWN', M2, port, C2, R3} -> io:format("after close: ~w~n", [R3])
    after 100 -> io:format("no DOWN after close~n")
    end,
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.
