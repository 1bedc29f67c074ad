%% socket:i/1,2: the columns asked for, each as wide as its widest cell;
%% header names from the keys; blanks for unknown keys; nothing printed
%% when no socket is chosen; function_clause and badarg for bad arguments.
%% Only inet6 sockets are listed: this scenario's own.
-module(i_table).
-export([main/0]).

main() ->
    {LS, C, S} = pair(),
    ok = socket:i(inet6, [domain, type, protocol]),
    ok = socket:i(inet6, [domain, foo, ab_cD, a_, a__b]),
    io:format("empty keys:~n"),
    ok = socket:i(inet6, []),
    io:format("none:~n"),
    ok = socket:i(seqpacket),
    ok = socket:i(sctp, [domain]),
    ok = socket:i(local),
    try_("i(foo)", fun() -> socket:i(foo) end),
    try_("i(42)", fun() -> socket:i(42) end),
    try_("i(inet6, domain)", fun() -> socket:i(inet6, domain) end),
    try_("i([domain], [type])", fun() -> socket:i([domain], [type]) end),
    try_("i(raw, [domain])", fun() -> socket:i(raw, [domain]) end),
    try_("i(seqpacket, [1])", fun() -> socket:i(seqpacket, [1]) end),
    try_("i(inet6, [1])", fun() -> socket:i(inet6, [1]) end),
    try_("i(inet6, [''])", fun() -> socket:i(inet6, ['']) end),
    [ok = socket:close(X) || X <- [C, S, LS]],
    ok.

try_(What, Fun) ->
    try Fun() of
        R -> io:format("~s: returned ~w~n", [What, R])
    catch
        Class:Reason -> io:format("~s: ~w:~w~n", [What, Class, Reason])
    end.

pair() ->
    {ok, LS} = socket:open(inet6, stream, tcp),
    ok = socket:bind(LS, #{family => inet6, addr => loopback, port => 0}),
    ok = socket:listen(LS),
    {ok, #{port := Port}} = socket:sockname(LS),
    {ok, C} = socket:open(inet6, stream, tcp),
    ok = socket:connect(C, #{family => inet6, addr => loopback, port => Port}),
    {ok, S} = socket:accept(LS, 1000),
    {LS, C, S}.
