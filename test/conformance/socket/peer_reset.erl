%% The peer resets the connection (linger 0, then close): recv says
%% econnreset once, then closed; data that came before the reset is read
%% first; an exact recv hands back what it had with the reset; a waiting
%% recv is woken with econnreset; send says econnreset first when it meets
%% the reset, epipe after; the socket is no longer connected, but keeps
%% its own address.
-module(peer_reset).
-export([main/0]).

main() ->
    {LS, Port} = listener(),
    {C1, S1} = pair(LS, Port),
    reset(C1),
    io:format("recv: ~w~n", [socket:recv(S1, 0, 100)]),
    io:format("recv: ~w~n", [socket:recv(S1, 0, 100)]),
    io:format("recv: ~w~n", [socket:recv(S1, 0, 100)]),
    io:format("send: ~w~n", [socket:send(S1, <<"x">>)]),
    io:format("send: ~w~n", [socket:send(S1, <<"x">>)]),
    io:format("peername: ~w~n", [socket:peername(S1)]),
    {ok, Name} = socket:sockname(S1),
    io:format("sockname: ~w~n", [maps:remove(port, Name)]),
    io:format("shutdown: ~w~n", [socket:shutdown(S1, write)]),
    io:format("counters: ~w~n", [counters(S1)]),
    ok = socket:close(S1),
    {C2, S2} = pair(LS, Port),
    reset(C2),
    io:format("send first: ~w~n", [socket:send(S2, <<"x">>)]),
    io:format("send: ~w~n", [socket:send(S2, <<"x">>)]),
    io:format("recv: ~w~n", [socket:recv(S2, 0, 100)]),
    ok = socket:close(S2),
    {C3, S3} = pair(LS, Port),
    ok = socket:send(C3, <<"abc">>),
    timer:sleep(20),
    reset(C3),
    io:format("data first: ~w~n", [socket:recv(S3, 0, 100)]),
    io:format("recv: ~w~n", [socket:recv(S3, 0, 100)]),
    io:format("recv: ~w~n", [socket:recv(S3, 0, 100)]),
    ok = socket:close(S3),
    {C4, S4} = pair(LS, Port),
    ok = socket:send(C4, <<"ab">>),
    timer:sleep(20),
    reset(C4),
    io:format("recv 5: ~w~n", [socket:recv(S4, 5, 100)]),
    io:format("recv 5: ~w~n", [socket:recv(S4, 5, 100)]),
    io:format("counters: ~w~n", [counters(S4)]),
    ok = socket:close(S4),
    {C5, S5} = pair(LS, Port),
    Self = self(),
    spawn(fun() -> timer:sleep(30), reset(C5), Self ! done end),
    io:format("waiting recv: ~w~n", [socket:recv(S5, 0, 1000)]),
    receive done -> ok end,
    io:format("recv: ~w~n", [socket:recv(S5, 0, 100)]),
    ok = socket:close(S5),
    {C6, S6} = pair(LS, Port),
    reset(C6),
    io:format("recvmsg: ~w~n", [socket:recvmsg(S6, 0, 0, [], 100)]),
    io:format("recvfrom: ~w~n", [socket:recvfrom(S6, 0, [], 100)]),
    ok = socket:close(S6),
    ok = socket:close(LS).

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
