%% Connections made before anyone accepts wait in the backlog: connect
%% succeeds at once, data can be sent, and later accepts take them in
%% arrival order.
-module(backlog_accept_later).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}, {backlog, 5}, {packet, 1}])),
    Port = ok(inet:port(LS)),
    Clients = [begin
                   C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}, {packet, 1}])),
                   ok = gen_tcp:send(C, [N]),
                   timer:sleep(10),
                   C
               end || N <- [1, 2, 3]],
    Servers = [begin
                   S = ok(gen_tcp:accept(LS, 1000)),
                   io:format("accepted client ~w~n", [ok(gen_tcp:recv(S, 0, 1000))]),
                   S
               end || _ <- [1, 2, 3]],
    io:format("no more: ~w~n", [gen_tcp:accept(LS, 30)]),
    [ok = gen_tcp:close(X) || X <- Clients ++ Servers],
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.
