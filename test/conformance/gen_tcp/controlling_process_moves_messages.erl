%% Handing an active socket to another process moves the socket messages
%% already queued in the old owner's mailbox, in order, leaving its other
%% messages; later messages go to the new owner.
-module(controlling_process_moves_messages).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, true}, {packet, 2}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}, {packet, 2}])),
    S = ok(gen_tcp:accept(LS)),
    self() ! before,
    ok = gen_tcp:send(C, <<"one">>),
    ok = gen_tcp:send(C, <<"two">>),
    timer:sleep(30),
    self() ! between,
    Self = self(),
    New = spawn(fun() ->
                        receive go -> ok end,
                        timer:sleep(30),
                        Self ! {new_owner_got, drain()}
                end),
    io:format("~w~n", [gen_tcp:controlling_process(S, New)]),
    ok = gen_tcp:send(C, <<"three">>),
    New ! go,
    receive {new_owner_got, Got} -> io:format("new owner: ~w~n", [Got]) end,
    io:format("old owner: ~w~n", [drain()]),
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
