%% Every call on a closed socket answers {error, closed}.
-module(closed_socket_calls).
-export([main/0]).

main() ->
    {LS, C, S} = pair(),
    ok = socket:close(S),
    ok = socket:close(LS),
    Addr = #{family => inet, addr => {127, 0, 0, 1}, port => 1},
    io:format("send ~w~n", [socket:send(S, <<"x">>)]),
    io:format("recv ~w~n", [socket:recv(S, 0, 100)]),
    io:format("recv nowait ~w~n", [socket:recv(S, 0, nowait)]),
    io:format("accept ~w~n", [socket:accept(LS, 100)]),
    io:format("accept nowait ~w~n", [socket:accept(LS, nowait)]),
    io:format("listen ~w~n", [socket:listen(LS)]),
    io:format("bind ~w~n", [socket:bind(LS, #{family => inet, addr => loopback, port => 0})]),
    io:format("connect ~w~n", [socket:connect(S, Addr)]),
    io:format("shutdown ~w~n", [socket:shutdown(S, write)]),
    io:format("sockname ~w~n", [socket:sockname(S)]),
    io:format("peername ~w~n", [socket:peername(S)]),
    io:format("cancel ~w~n", [socket:cancel(S, {select_info, recv, make_ref()})]),
    io:format("close ~w~n", [socket:close(S)]),
    ok = socket:close(C),
    ok.

listener() ->
    {ok, LS} = socket:open(inet, stream, tcp),
    ok = socket:bind(LS, #{family => inet, addr => loopback, port => 0}),
    ok = socket:listen(LS),
    {ok, #{port := Port}} = socket:sockname(LS),
    {LS, Port}.

pair() ->
    {LS, Port} = listener(),
    {ok, C} = socket:open(inet, stream, tcp),
    ok = socket:connect(C, #{family => inet, addr => {127, 0, 0, 1}, port => Port}),
    {ok, S} = socket:accept(LS, 1000),
    {LS, C, S}.
