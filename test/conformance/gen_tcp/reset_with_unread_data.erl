%% Closing a socket that has unread input sends a reset (as the kernel
%% does); a show_econnreset peer then fails its recv with econnreset and a
%% send with closed. From gen_tcp_misc_SUITE:show_econnreset_passive.
-module(reset_with_unread_data).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}, {show_econnreset, true}])),
    S = ok(gen_tcp:accept(LS)),
    ok = gen_tcp:send(C, <<"never read">>),
    timer:sleep(30),
    ok = gen_tcp:close(S),
    timer:sleep(30),
    io:format("~p~n", [gen_tcp:recv(C, 0, 1000)]),
    io:format("~p~n", [gen_tcp:send(C, <<"x">>)]),
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.
