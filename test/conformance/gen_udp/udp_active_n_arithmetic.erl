%% The {active, N} counter: setopts adds N to what is left (negative N
%% subtracts), reaching 0 or less makes the socket passive with a
%% {udp_passive, S} message, even when it was passive already ({active, 0});
%% the counter must stay within -32768..32767 (einval beyond, and nothing
%% changes); true, once and false reset it. open with {active, 0} or a negative
%% N gives a passive socket and {udp_passive, S} at once. From
%% gen_udp_SUITE:active_n.
-module(udp_active_n_arithmetic).
-export([main/0]).

main() ->
    R = ok(gen_udp:open(0, [{active, 3}])),
    step(R, "2 more", [{active, 2}]),
    step(R, "-4", [{active, -4}]),
    step(R, "-5", [{active, -5}]),
    step(R, "0 when passive", [{active, 0}]),
    step(R, "32767", [{active, 32767}]),
    step(R, "1 more at the top", [{active, 1}]),
    step(R, "-32768", [{active, -32768}]),
    step(R, "-32768 when passive", [{active, -32768}]),
    step(R, "32768", [{active, 32768}]),
    step(R, "-32769", [{active, -32769}]),
    step(R, "true", [{active, true}]),
    step(R, "5 after true", [{active, 5}]),
    step(R, "once", [{active, once}]),
    step(R, "5 after once", [{active, 5}]),
    step(R, "false", [{active, false}]),
    step(R, "-1 after false", [{active, -1}]),
    step(R, "foo", [{active, foo}]),
    ok = gen_udp:close(R),
    [begin
         S = ok(gen_udp:open(0, [{active, N}])),
         timer:sleep(10),
         io:format("open {active, ~w}: ~w ~w~n", [N, inet:getopts(S, [active]), passive(S, drain())]),
         ok = gen_udp:close(S)
     end || N <- [0, -3]],
    io:format("open {active, 32768}: ~w~n", [try_(fun() -> gen_udp:open(0, [{active, 32768}]) end)]).

step(R, Label, Opts) ->
    Result = inet:setopts(R, Opts),
    timer:sleep(10),
    io:format("~s: ~w ~w ~w~n", [Label, Result, inet:getopts(R, [active]), passive(R, drain())]).

passive(R, Msgs) -> [case M of {udp_passive, R} -> udp_passive; _ -> M end || M <- Msgs].

%% The result, or {caught, Class, Reason} for what was raised.
try_(F) ->
    try F()
    catch Class:Reason -> {caught, Class, Reason}
    end.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.

ok({ok, X}) -> X.
