%% gen_tcp_echo_SUITE in small: an echo server in its own process, driven
%% with packets of several sizes for each {packet, N}, in active and
%% passive mode; each echo comes back whole.
-module(echo_packet_types).
-export([main/0]).

main() ->
    [run(Packet, Active) || Packet <- [1, 2, 4], Active <- [false, true]],
    ok.

run(Packet, Active) ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}, {packet, Packet}])),
    Port = ok(inet:port(LS)),
    Server = spawn(fun() -> echo_server(LS) end),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, Active}, {packet, Packet}])),
    Sizes = case Packet of 1 -> [0, 1, 100, 255]; _ -> [0, 1, 255, 256, 5000] end,
    Echoed = [begin
                  Data = binary:copy(<<"e">>, Size),
                  ok = gen_tcp:send(C, Data),
                  Back = recv(C, Active),
                  {Size, Back =:= Data}
              end || Size <- Sizes],
    io:format("packet ~w, active ~w: ~w~n", [Packet, Active, Echoed]),
    ok = gen_tcp:close(C),
    Ref = monitor(process, Server),
    receive {'DOWN', Ref, process, Server, Why} -> io:format("server: ~w~n", [Why]) end,
    ok = gen_tcp:close(LS).

recv(C, false) -> ok(gen_tcp:recv(C, 0, 1000));
recv(C, true) -> receive {tcp, C, D} -> D after 1000 -> timeout end.

echo_server(LS) ->
    S = ok(gen_tcp:accept(LS)),
    echo_loop(S).

echo_loop(S) ->
    case gen_tcp:recv(S, 0, 1000) of
        {ok, D} -> ok = gen_tcp:send(S, D), echo_loop(S);
        {error, closed} -> ok = gen_tcp:close(S)
    end.

ok({ok, X}) -> X.
