%% socket:info/1's try, wait and fail counters of stream sockets through
%% blocking calls that wait, nowait calls that select and their retries,
%% a timeout, and a send that fills the buffers.
-module(counters_stream).
-export([main/0]).

main() ->
    {ok, LS} = socket:open(inet, stream, tcp),
    ok = socket:bind(LS, #{family => inet, addr => loopback, port => 0}),
    ok = socket:listen(LS),
    {ok, #{port := Port}} = socket:sockname(LS),
    {select, _} = socket:accept(LS, nowait),
    p("accept nowait", LS),
    {ok, C} = socket:open(inet, stream, tcp),
    ok = socket:connect(C, #{family => inet, addr => {127, 0, 0, 1}, port => Port}),
    receive {'$socket', LS, select, _} -> ok end,
    {ok, S} = socket:accept(LS, nowait),
    p("accept retried", LS),
    Self = self(),
    spawn(fun() ->
        timer:sleep(50),
        {ok, C2} = socket:open(inet, stream, tcp),
        ok = socket:connect(C2, #{family => inet, addr => {127, 0, 0, 1}, port => Port}),
        Self ! {c2, C2}
    end),
    {ok, S2} = socket:accept(LS),
    p("accept waited", LS),
    {select, _} = socket:recv(S, 0, nowait),
    p("recv nowait", S),
    ok = socket:send(C, <<"abc">>),
    receive {'$socket', S, select, _} -> ok end,
    {ok, _} = socket:recv(S, 0, nowait),
    p("recv retried", S),
    spawn(fun() -> timer:sleep(50), socket:send(C, <<"d">>) end),
    {ok, _} = socket:recv(S, 0),
    p("recv waited", S),
    {error, timeout} = socket:recv(S, 0, 30),
    p("recv timeout", S),
    ok = socket:send(C, <<"x">>, 1000),
    p("send", C),
    receive {c2, _} -> ok end,
    spawn(fun() -> socket:recv(S, 0, nowait), timer:sleep(200) end),
    timer:sleep(20),
    {select, _} = socket:recv(S, 0, nowait),
    p("second reader", S),
    [ok = socket:close(X) || X <- [C, S2, LS]],
    socket:close(S),
    ok.

p(N, S) ->
    #{counters := Cs} = socket:info(S),
    io:format("~s: ~w~n", [N, maps:with([read_tries, read_waits, read_fails, write_tries, write_waits,
                                         write_fails, acc_tries, acc_waits, acc_fails, acc_success], Cs)]).
