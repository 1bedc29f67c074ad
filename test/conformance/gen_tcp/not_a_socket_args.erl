%% gen_tcp and inet functions given something that is not a socket (an
%% atom, an integer) or a bad length: OTP 25 fails with function_clause.
-module(not_a_socket_args).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    S = ok(gen_tcp:accept(LS)),
    Calls = [{send, fun() -> gen_tcp:send(foo, "x") end},
             {recv, fun() -> gen_tcp:recv(42, 0) end},
             {accept, fun() -> gen_tcp:accept(foo) end},
             {close, fun() -> gen_tcp:close(foo) end},
             {controlling_process, fun() -> gen_tcp:controlling_process(foo, self()) end},
             {setopts, fun() -> inet:setopts(foo, []) end},
             {getopts, fun() -> inet:getopts(foo, [active]) end},
             {sockname, fun() -> inet:sockname(foo) end},
             {port, fun() -> inet:port(foo) end},
             {recv_negative_length, fun() -> gen_tcp:recv(S, -1) end},
             {recv_atom_length, fun() -> gen_tcp:recv(S, foo) end}],
    [io:format("~w: ~w~n", [Name, result(Fun)]) || {Name, Fun} <- Calls],
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(LS).

result(Fun) ->
    try Fun()
    catch
        Class:Reason -> {raised, Class, head(Reason)}
    end.

%% The reason without its stack, as the harness asks.
head({Reason, [{_, _, _, _} | _]}) -> Reason;
head(Reason) -> Reason.

ok({ok, X}) -> X.
