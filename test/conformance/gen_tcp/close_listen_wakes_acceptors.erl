%% Closing the listen socket (from a process that is not waiting) fails
%% every pending accept with {error, closed}; later accepts say closed too.
%% From gen_tcp_misc_SUITE:accept_closed_by_other_process.
-module(close_listen_wakes_acceptors).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    Self = self(),
    [spawn(fun() -> Self ! {acceptor, N, gen_tcp:accept(LS)} end) || N <- [1, 2]],
    timer:sleep(30),
    Closer = spawn(fun() -> Self ! {closer, gen_tcp:close(LS)} end),
    receive {closer, R} -> io:format("close from ~w: ~w~n", [Closer, R]) end,
    [receive {acceptor, N, Res} -> io:format("acceptor ~w: ~w~n", [N, Res]) end || N <- [1, 2]],
    io:format("accept: ~w~n", [gen_tcp:accept(LS, 100)]),
    io:format("close again: ~w~n", [gen_tcp:close(LS)]).

ok({ok, X}) -> X.
