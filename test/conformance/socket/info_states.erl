%% socket:info/1's rstates and wstates through a socket's life: bound,
%% listening, accepting, connecting, connected, and the sticky selected
%% flag a call that had to wait leaves; closing and closed at the end.
-module(info_states).
-export([main/0]).

main() ->
    {ok, O} = socket:open(inet, stream, tcp),
    p("open", O),
    ok = socket:bind(O, #{family => inet, addr => loopback, port => 0}),
    p("bound", O),
    ok = socket:listen(O),
    p("listening", O),
    {ok, #{port := Port}} = socket:sockname(O),
    {select, _} = socket:accept(O, nowait),
    p("accepting", O),
    {ok, C} = socket:open(inet, stream, tcp),
    {select, _} = socket:connect(C, #{family => inet, addr => {127, 0, 0, 1}, port => Port}, nowait),
    p("connecting", C),
    receive {'$socket', C, select, _} -> ok end,
    ok = socket:connect(C),
    p("connected", C),
    receive {'$socket', O, select, _} -> ok end,
    p("accept selected", O),
    {ok, S} = socket:accept(O, nowait),
    p("accepted", S),
    p("listen after", O),
    {select, _} = socket:recv(S, 0, nowait),
    p("reading", S),
    ok = socket:send(C, <<"x">>),
    receive {'$socket', S, select, _} -> ok end,
    {ok, _} = socket:recv(S, 0, nowait),
    p("read done", S),
    {ok, U} = socket:open(inet, dgram, udp),
    ok = socket:bind(U, #{family => inet, addr => loopback, port => 0}),
    p("udp bound", U),
    ok = socket:connect(U, #{family => inet, addr => {127, 0, 0, 1}, port => Port}),
    p("udp connected", U),
    ok = socket:close(C),
    p("closed", C),
    [ok = socket:close(X) || X <- [S, O, U]],
    ok.

p(N, S) ->
    #{rstates := R, wstates := W} = socket:info(S),
    io:format("~s: ~w ~w~n", [N, R, W]).
