%% A reset peer seen by nowait calls and peeks: a nowait recv (or recvfrom)
%% says econnreset at once, then closed; one that waits gets its select
%% message and then the reset; a nowait send says econnreset, then epipe; a
%% peek takes the reset too. After a plain close (FIN) a nowait recv says
%% closed at once.
-module(peer_reset_nowait).
-export([main/0]).

main() ->
    {LS, Port} = listener(),
    {C1, S1} = pair(LS, Port),
    reset(C1),
    io:format("recv nowait: ~w~n", [socket:recv(S1, 0, nowait)]),
    io:format("recv nowait: ~w~n", [socket:recv(S1, 0, nowait)]),
    ok = socket:close(S1),
    {C2, S2} = pair(LS, Port),
    {select, {select_info, recv, H}} = socket:recv(S2, 0, nowait),
    reset(C2),
    receive
        {'$socket', S2, select, H} -> io:format("select~n")
    after 1000 -> io:format("no select message~n")
    end,
    io:format("recv nowait: ~w~n", [socket:recv(S2, 0, nowait)]),
    io:format("recv nowait: ~w~n", [socket:recv(S2, 0, nowait)]),
    io:format("counters: ~w~n", [counters(S2)]),
    ok = socket:close(S2),
    {C3, S3} = pair(LS, Port),
    reset(C3),
    io:format("send nowait: ~w~n", [socket:send(S3, <<"x">>, nowait)]),
    io:format("send nowait: ~w~n", [socket:send(S3, <<"x">>, nowait)]),
    io:format("send 100: ~w~n", [socket:send(S3, <<"x">>, 100)]),
    io:format("counters: ~w~n", [counters(S3)]),
    ok = socket:close(S3),
    {C4, S4} = pair(LS, Port),
    reset(C4),
    io:format("send 100: ~w~n", [socket:send(S4, <<"x">>, 100)]),
    io:format("sendmsg: ~w~n", [socket:sendmsg(S4, #{iov => [<<"x">>]})]),
    ok = socket:close(S4),
    {C5, S5} = pair(LS, Port),
    reset(C5),
    io:format("recvfrom nowait: ~w~n", [socket:recvfrom(S5, 0, [], nowait)]),
    io:format("recv peek: ~w~n", [socket:recv(S5, 0, [peek], 100)]),
    ok = socket:close(S5),
    {C6, S6} = pair(LS, Port),
    reset(C6),
    io:format("recv peek: ~w~n", [socket:recv(S6, 0, [peek], 100)]),
    io:format("recv peek: ~w~n", [socket:recv(S6, 0, [peek], 100)]),
    io:format("recv 0 timeout: ~w~n", [socket:recv(S6, 5, 0)]),
    ok = socket:close(S6),
    {C7, S7} = pair(LS, Port),
    ok = socket:close(C7),
    timer:sleep(20),
    io:format("fin nowait: ~w~n", [socket:recv(S7, 0, nowait)]),
    io:format("fin nowait: ~w~n", [socket:recv(S7, 0, nowait)]),
    io:format("fin recv 5: ~w~n", [socket:recv(S7, 5, 100)]),
    io:format("counters: ~w~n", [counters(S7)]),
    ok = socket:close(S7),
    ok = socket:close(LS),
    io:format("mailbox: ~w~n", [drain()]).

drain() ->
    receive X -> [X | drain()] after 0 -> [] end.

counters(S) ->
    maps:with([read_tries, read_fails, write_tries, write_fails],
              maps:get(counters, socket:info(S))).

reset(C) ->
    ok = socket:setopt(C, {socket, linger}, #{onoff => true, linger => 0}),
    ok = socket:close(C),
    timer:sleep(20).

listener() ->
    {ok, LS} = socket:open(inet, stream, tcp),
    ok = socket:bind(LS, #{family => inet, addr => loopback, port => 0}),
    ok = socket:listen(LS),
    {ok, #{port := Port}} = socket:sockname(LS),
    {LS, Port}.

pair(LS, Port) ->
    {ok, C} = socket:open(inet, stream, tcp),
    ok = socket:connect(C, #{family => inet, addr => {127, 0, 0, 1}, port => Port}),
    {ok, S} = socket:accept(LS, 1000),
    {C, S}.
