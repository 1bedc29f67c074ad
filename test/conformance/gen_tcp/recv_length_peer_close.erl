%% recv(S, Length) when the peer closes before Length bytes came: OTP 25
%% gives {error, closed} and the partial data is lost; the next recv says
%% enotconn.
-module(recv_length_peer_close).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    S = ok(gen_tcp:accept(LS)),
    ok = gen_tcp:send(C, <<"abc">>),
    ok = gen_tcp:close(C),
    timer:sleep(30),
    io:format("recv 10: ~p~n", [gen_tcp:recv(S, 10, 1000)]),
    io:format("recv 0: ~p~n", [gen_tcp:recv(S, 0, 1000)]),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.
