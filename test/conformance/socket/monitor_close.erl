%% socket:monitor/1: a DOWN message with socket and closed when the socket
%% is closed (by any process), one per monitor; cancel_monitor stops it;
%% monitoring a socket already closed gives DOWN at once (its Info,
%% closed in OTP 25 and nosock in the manual, is not compared).
-module(monitor_close).
-export([main/0]).

main() ->
    {LS, C, S} = pair(),
    M1 = socket:monitor(S),
    M2 = socket:monitor(S),
    M3 = socket:monitor(S),
    io:format("~w ~w~n", [is_reference(M1), M1 =/= M2]),
    io:format("cancel: ~w~n", [socket:cancel_monitor(M3)]),
    io:format("cancel again: ~w~n", [socket:cancel_monitor(M3)]),
    Self = self(),
    spawn(fun() -> ok = socket:close(S), Self ! closed end),
    receive closed -> ok end,
    timer:sleep(20),
    Msgs = drain(),
    Downs = [R || {'DOWN', R, socket, X, closed} <- Msgs, X =:= S],
    io:format("DOWN: ~w ~w ~w~n", [length(Msgs), length(Downs), lists:sort(Downs) =:= lists:sort([M1, M2])]),
    M4 = socket:monitor(S),
    receive
        {'DOWN', M4, socket, S, Info} -> io:format("already closed: ~w~n", [is_atom(Info)])
    after 1000 -> io:format("no DOWN~n")
    end,
    MC = socket:monitor(C),
    ok = socket:close(C),
    receive
        {'DOWN', MC, socket, C, _} = D -> io:format("~w~n", [D])
    after 1000 -> io:format("no DOWN~n")
    end,
    io:format("cancel after DOWN: ~w~n", [socket:cancel_monitor(MC)]),
    ok = socket:close(LS),
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

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
