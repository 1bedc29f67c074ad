%% Several processes waiting in accept on one listen socket are served in
%% the order they started waiting; each owns the socket it accepted.
-module(acceptors_in_order).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}, {packet, 1}])),
    Port = ok(inet:port(LS)),
    Self = self(),
    Acceptors = [begin
                     P = spawn(fun() -> acceptor(Self, LS, N) end),
                     timer:sleep(20),
                     P
                 end || N <- [1, 2, 3]],
    Clients = [begin
                   C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}, {packet, 1}])),
                   ok = gen_tcp:send(C, integer_to_list(I)),
                   timer:sleep(20),
                   C
               end || I <- [10, 20, 30]],
    [receive
         {served, N, Data, IsOwner} ->
             io:format("acceptor ~w got ~w, controlling_process to itself: ~w~n", [N, Data, IsOwner])
     end || N <- [1, 2, 3]],
    [A ! stop || A <- Acceptors],
    [ok = gen_tcp:close(C) || C <- Clients],
    ok = gen_tcp:close(LS).

acceptor(Parent, LS, N) ->
    S = ok(gen_tcp:accept(LS)),
    Data = ok(gen_tcp:recv(S, 0, 1000)),
    IsOwner = gen_tcp:controlling_process(S, self()),
    Parent ! {served, N, Data, IsOwner},
    receive stop -> ok end,
    ok = gen_tcp:close(S).

ok({ok, X}) -> X.
