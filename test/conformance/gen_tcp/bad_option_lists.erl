%% Malformed option lists that erlts once let through or crashed on. A list where
%% a tuple belongs ([active, true] is no {active, true}) is einval from setopts,
%% even alone (the {active, V} fast path), and badarg from listen and connect.
%% A map as {ip, Map} is einval from listen (its bind refuses it) and badarg from
%% connect; a map or a fun as {packet, V} is badarg / einval. Options that are
%% not a list make connect exit with function_clause. The .ts twin gives values
%% no Erlang term can be: a map that contains itself, a fun whose printing
%% throws, and null for the atom.
-module(bad_option_lists).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    S = ok(gen_tcp:accept(LS)),
    io:format("setopts [[active, true]]: ~w~n", [inet:setopts(C, [[active, true]])]),
    io:format("setopts [[active, once]]: ~w~n", [inet:setopts(C, [[active, once]])]),
    io:format("setopts listen [[active, true]]: ~w~n", [inet:setopts(LS, [[active, true]])]),
    io:format("setopts [{packet, 2}, [active, true]]: ~w~n",
              [inet:setopts(C, [{packet, 2}, [active, true]])]),
    io:format("unchanged: ~w ~w~n", [inet:getopts(C, [active, packet]), inet:getopts(LS, [active])]),
    io:format("listen [[active, true]]: ~w~n",
              [try_(fun() -> gen_tcp:listen(0, [[active, true]]) end)]),
    io:format("connect [[active, true]]: ~w~n",
              [try_(fun() -> gen_tcp:connect({127, 0, 0, 1}, Port, [[active, true]]) end)]),
    Self = #{self => #{}},
    io:format("listen {ip, Map}: ~w~n", [try_(fun() -> gen_tcp:listen(0, [{ip, Self}]) end)]),
    io:format("connect {ip, Map}: ~w~n",
              [try_(fun() -> gen_tcp:connect("localhost", Port, [{ip, Self}]) end)]),
    io:format("listen {packet, Map}: ~w~n", [try_(fun() -> gen_tcp:listen(0, [{packet, Self}]) end)]),
    io:format("setopts {packet, Map}: ~w~n", [inet:setopts(C, [{packet, Self}])]),
    Fun = fun() -> ok end,
    io:format("listen {packet, Fun}: ~w~n", [try_(fun() -> gen_tcp:listen(0, [{packet, Fun}]) end)]),
    io:format("connect {packet, Fun}: ~w~n",
              [try_(fun() -> gen_tcp:connect({127, 0, 0, 1}, Port, [{packet, Fun}]) end)]),
    io:format("setopts {packet, Fun}: ~w~n", [inet:setopts(C, [{packet, Fun}])]),
    [io:format("connect options ~w: ~w ~w~n",
               [NotAList,
                try_(fun() -> gen_tcp:connect("localhost", Port, NotAList) end),
                try_(fun() ->
                         gen_tcp:connect(#{family => inet, addr => {127, 0, 0, 1}, port => Port},
                                         NotAList, 1000)
                     end)])
     || NotAList <- [foo, undefined]],
    [ok = gen_tcp:close(X) || X <- [C, S, LS]],
    ok.

%% The result, or the class and the head of the reason of what was raised.
try_(F) ->
    try F() of
        {ok, Sock} -> ok = gen_tcp:close(Sock), ok;
        Other -> Other
    catch
        Class:{Reason, [_ | _]} -> {Class, Reason};
        Class:Reason -> {Class, Reason}
    end.

ok({ok, X}) -> X.
