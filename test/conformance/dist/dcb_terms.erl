-module(dcb_terms).
-export([main/0]).

main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    Terms = ['h\x{e9}llo', '\x{fc}n\x{ef}c\x{f6}d\x{e9}', '\x{65e5}\x{672c}', '\x{430}\x{442}\x{43e}\x{43c}',
             'with space', '', true, undefined,
             0, 255, 256, -1, 134217727, 134217728, -134217729, 1 bsl 31, 1 bsl 63 - 1, -(1 bsl 63),
             1 bsl 64, 1 bsl 100, -(1 bsl 100), 1 bsl 1000,
             1.0, -2.0, 0.0, 2.5, -0.1, 1.0e300, 1.0e-300, 123456789.0, 9007199254740993.0,
             "abc", "", [1, "two", three], [a | b], [1, 2 | 3], {}, {a}, {a, {b, {c}}},
             <<>>, <<1, 2, 3>>, <<"h\x{e9}llo"/utf8>>, <<1:3>>, <<255, 7:4>>,
             #{}, #{a => 1}, #{a => #{b => [1, #{c => {d}}]}}, #{1 => 2.0, "str" => <<"bin">>, {t} => [x]},
             self(), make_ref(), fun lists:sum/1, fun erlang:node/0],
    lists:foreach(
      fun(T) ->
              Back = rpc:call(Peer, dist_peer_b, id, [T]),
              io:format("~w ~w~n", [Back =:= T, Back])
      end,
      Terms),
    io:format("all at once: ~w~n", [rpc:call(Peer, dist_peer_b, id, [Terms]) =:= Terms]).
