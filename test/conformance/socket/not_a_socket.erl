%% Calls given something that is not a socket raise badarg, as does a
%% negative recv length.
-module(not_a_socket).
-export([main/0]).

main() ->
    {LS, C, S} = pair(),
    try_("close ref", fun() -> socket:close(make_ref()) end),
    try_("recv pid", fun() -> socket:recv(self(), 0) end),
    try_("send atom socket", fun() -> socket:send(foo, <<"x">>) end),
    try_("sockname tuple", fun() -> socket:sockname({'$socket', foo}) end),
    try_("monitor ref", fun() -> socket:monitor(make_ref()) end),
    try_("recv -1", fun() -> socket:recv(S, -1, 100) end),
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
