%% inet:info/1 on gen_udp sockets: the keys; states [open] and
%% [connected, open] once connected; owner and links are the owner; monitors
%% lists what the port monitors (not who monitors it: empty); counters are
%% getstat's. A closed socket gives #{states => [closed]}. (memory, input
%% and output, port internals, are not printed: OTP's UDP input stays 0 and
%% output counts the bytes of the port commands, address headers included.)
%% From gen_udp_SUITE:otp_17492.
-module(udp_info).
-export([main/0]).

main() ->
    S = ok(gen_udp:open(0, [binary, {active, false}])),
    R = ok(gen_udp:open(0, [binary, {active, true}])),
    RP = ok(inet:port(R)),
    _ = inet:monitor(R),
    [ok = gen_udp:send(S, {127, 0, 0, 1}, RP, <<"hello">>) || _ <- [1, 2]],
    timer:sleep(20),
    [begin
         Info = inet:info(X),
         io:format("keys: ~w~n", [lists:sort(maps:keys(Info))]),
         io:format("states: ~w, owner: ~w, links: ~w, monitors: ~w~n",
                   [maps:get(states, Info), maps:get(owner, Info) =:= self(), maps:get(links, Info) =:= [self()],
                    maps:get(monitors, Info)]),
         io:format("counters: ~w~n", [lists:sort(maps:to_list(maps:get(counters, Info))) =:= lists:sort(ok(inet:getstat(X)))])
     end || X <- [S, R]],
    ok = gen_udp:connect(S, {127, 0, 0, 1}, RP),
    io:format("connected: ~w~n", [maps:get(states, inet:info(S))]),
    ok = gen_udp:close(S),
    io:format("closed: ~w~n", [inet:info(S)]),
    ok = gen_udp:close(R),
    io:format("mailbox: ~w~n", [[element(1, M) || M <- drain()]]).

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.

ok({ok, X}) -> X.
