%% Arguments of the wrong shape: a bad timeout, a negative length, a
%% sockaddr with a bad address, and a term that is not a socket.
-module(bad_args).
-export([main/0]).

main() ->
    {LS, C, S} = pair(),
    try_("accept -1", fun() -> socket:accept(LS, -1) end),
    try_("accept foo", fun() -> socket:accept(LS, foo) end),
    try_("recv -1", fun() -> socket:recv(S, -1, 100) end),
    try_("recv foo", fun() -> socket:recv(S, 0, foo) end),
    try_("connect addr", fun() -> socket:connect(C, #{family => inet, addr => foo, port => 1}) end),
    try_("bind addr", fun() -> socket:bind(C, #{family => inet, addr => foo, port => 0}) end),
    try_("send integer", fun() -> socket:send(C, 42) end),
    try_("close ref", fun() -> socket:close(make_ref()) end),
    try_("recv pid", fun() -> socket:recv(self(), 0) end),
    [ok = socket:close(X) || X <- [C, S, LS]],
    ok.

try_(What, Fun) ->
    try Fun() of
        R -> io:format("~s: returned ~w~n", [What, R])
    catch
        Class:Reason -> io:format("~s: ~w:~w~n", [What, Class, Reason])
    end.

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
