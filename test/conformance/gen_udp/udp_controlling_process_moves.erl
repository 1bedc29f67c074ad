%% Handing an active socket to another process moves the {udp, S, ...}
%% messages already queued in the old owner's mailbox, in order, and leaves
%% everything else, {udp_passive, S} included; the active state in force is
%% kept ({active, 2} used up stays passive), and later datagrams go to the
%% new owner, who is now the socket's owner and only link.
-module(udp_controlling_process_moves).
-export([main/0]).

main() ->
    S = ok(gen_udp:open(0, [binary, {active, false}])),
    R = ok(gen_udp:open(0, [binary, {active, 2}])),
    RP = ok(inet:port(R)),
    self() ! before,
    ok = gen_udp:send(S, {127, 0, 0, 1}, RP, <<"one">>),
    ok = gen_udp:send(S, {127, 0, 0, 1}, RP, <<"two">>),
    timer:sleep(30),
    self() ! between,
    Self = self(),
    New = spawn(fun() ->
                        receive go -> ok end,
                        timer:sleep(30),
                        Self ! {new_owner_got, drain()},
                        receive stop -> ok end
                end),
    io:format("~w~n", [gen_udp:controlling_process(R, New)]),
    io:format("~w~n", [inet:getopts(R, [active])]),
    ok = inet:setopts(R, [{active, true}]),
    ok = gen_udp:send(S, {127, 0, 0, 1}, RP, <<"three">>),
    New ! go,
    receive {new_owner_got, Got} -> io:format("new owner: ~w~n", [[data(R, M) || M <- Got]]) end,
    io:format("old owner: ~w~n", [[data(R, M) || M <- drain()]]),
    Info = inet:info(R),
    io:format("owner: ~w, links: ~w~n", [maps:get(owner, Info) =:= New, maps:get(links, Info) =:= [New]]),
    New ! stop,
    ok = gen_udp:close(S).

data(R, {udp, R, {127, 0, 0, 1}, P, D}) when is_integer(P) -> D;
data(R, {udp_passive, R}) -> udp_passive;
data(_, M) -> M.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.

ok({ok, X}) -> X.
