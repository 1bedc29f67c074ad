%% {packet, http}: a request line, then headers (the socket moves to httph by
%% itself), then http_eoh; the body is read after switching to raw. A header
%% line is complete only once the next line shows it is not continued.
-module(packet_http_request).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [list, {active, false}, {packet, http}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    S = ok(gen_tcp:accept(LS)),
    ok = gen_tcp:send(C, "GET /index.html?q=1 HTTP/1.1\r\nHost: example.com\r\n"
                         "Content-Length: 4\r\nX-Custom: a b\r\n\r\nbody"),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    ok = inet:setopts(S, [{packet, raw}]),
    io:format("~p~n", [gen_tcp:recv(S, 4, 1000)]),
    ok = inet:setopts(S, [{packet, http_bin}, {active, once}]),
    ok = gen_tcp:send(C, "POST http://h:8080/p HTTP/1.0\r\n"),
    receive M1 -> io:format("~w~n", [M1]) after 1000 -> io:format("no message~n") end,
    ok = inet:setopts(S, [{active, once}]),
    ok = gen_tcp:send(C, "Accept: */*\r\n"),
    receive M2 -> io:format("~w~n", [M2]) after 50 -> io:format("no message before the next line~n") end,
    ok = gen_tcp:send(C, " text/html\r\n\r\n"),
    receive M3 -> io:format("~w~n", [M3]) after 1000 -> io:format("no message~n") end,
    ok = inet:setopts(S, [{active, once}]),
    receive M4 -> io:format("~w~n", [M4]) after 1000 -> io:format("no message~n") end,
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.
