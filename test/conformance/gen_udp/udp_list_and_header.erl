%% mode list delivers a datagram as a list of bytes (an empty one as []);
%% {header, N} in binary mode delivers the first N bytes as a list in front of
%% a binary of the rest, [B1, ..., BN | Rest], and a datagram of N bytes or
%% less as a plain list. In list mode header changes nothing. (erlts has no
%% improper lists: the twins print {Bytes, Tail}, the tail being the binary.)
-module(udp_list_and_header).
-export([main/0]).

main() ->
    S = ok(gen_udp:open(0, [binary, {active, false}])),
    R = ok(gen_udp:open(0, [list, {active, false}])),
    RP = ok(inet:port(R)),
    Send = fun(D) -> ok = gen_udp:send(S, {127, 0, 0, 1}, RP, D), element(3, ok(gen_udp:recv(R, 0, 1000))) end,
    io:format("list: ~p ~p ~w~n", [Send(<<"abc">>), Send(<<>>), Send(<<0, 200, 255>>)]),
    ok = inet:setopts(R, [{header, 2}]),
    io:format("list, header 2: ~p~n", [Send(<<"abcde">>)]),
    ok = inet:setopts(R, [binary]),
    io:format("binary, header 2: ~w ~w ~w ~w~n",
              [parts(Send(<<"abcde">>)), parts(Send(<<"ab">>)), parts(Send(<<"a">>)), parts(Send(<<>>))]),
    ok = inet:setopts(R, [{header, 1}, {active, once}]),
    ok = gen_udp:send(S, {127, 0, 0, 1}, RP, <<"act">>),
    receive {udp, R, _, _, D} -> io:format("active, header 1: ~w~n", [parts(D)])
    after 1000 -> io:format("nothing~n")
    end,
    io:format("~w~n", [inet:getopts(R, [mode, header])]),
    ok = inet:setopts(R, [{header, 0}]),
    io:format("header 0: ~p~n", [Send(<<"abc">>)]),
    ok = gen_udp:close(S),
    ok = gen_udp:close(R).

%% A list of bytes and its tail: {"ab", <<"cde">>} for [$a, $b | <<"cde">>].
parts([B | T]) when is_integer(B) ->
    {Bs, Tail} = parts(T),
    {[B | Bs], Tail};
parts(Tail) -> {[], Tail}.

ok({ok, X}) -> X.
