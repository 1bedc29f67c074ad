%% io:format ~p and ~w of nested terms.
-module(format_terms).
-export([main/0]).

main() ->
    Terms = [{ok, [1, 2, 3]},
             {a, {b, {c, []}}},
             [],
             {},
             "hello",
             [104, 105],
             [1, 2, 300],
             <<"bin">>,
             <<1, 2, 3>>,
             <<>>,
             #{a => 1, b => [x, y], c => #{d => <<"e">>}},
             #{},
             ['EXIT', 'Caps', 'a b', '', 'a-b', ok, 'ok?', aB, a_b, a@b, 'Ok', true, false, undefined],
             [3.14, 0.1, -2.5e-5, 1.5e300, 0.1 + 0.2, 123456789.5, 1.0e-10, -0.75],
             [0, -1, 42, 123456789012, -99999],
             {tuple, "string", <<"binary">>, [list]}],
    [io:format("~p | ~w~n", [T, T]) || T <- Terms],
    io:format("~s and ~s~n", ["chars", <<"binary chars">>]),
    io:format("~p~n", [[{"key", <<"value">>}, {"other", [1, {2, "three"}]}]]).
