%% A client reading an HTTP response with {packet, http_bin}: the status
%% line, the headers, http_eoh, then the body in raw mode; a malformed
%% header line gives http_error.
-module(packet_http_response).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}, {packet, http_bin}])),
    S = ok(gen_tcp:accept(LS)),
    ok = gen_tcp:send(S, <<"HTTP/1.1 404 Not Found\r\ncontent-type: text/plain\r\n"
                           "Content-Length: 2\r\n\r\nhi">>),
    io:format("~p~n", [gen_tcp:recv(C, 0, 1000)]),
    io:format("~p~n", [gen_tcp:recv(C, 0, 1000)]),
    io:format("~p~n", [gen_tcp:recv(C, 0, 1000)]),
    io:format("~p~n", [gen_tcp:recv(C, 0, 1000)]),
    ok = inet:setopts(C, [{packet, raw}]),
    io:format("~p~n", [gen_tcp:recv(C, 2, 1000)]),
    ok = inet:setopts(C, [{packet, httph_bin}]),
    ok = gen_tcp:send(S, <<"no colon here\r\n">>),
    io:format("~p~n", [gen_tcp:recv(C, 0, 50)]),
    ok = gen_tcp:send(S, <<"\r\n">>),
    io:format("~p~n", [gen_tcp:recv(C, 0, 1000)]),
    io:format("~p~n", [gen_tcp:recv(C, 0, 1000)]),
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.
