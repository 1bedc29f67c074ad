%% The Erlang side of test/etf: one long-running node that answers requests on
%% stdin/stdout, each a {packet, 4} frame holding an external term.
%%
%% It builds every term itself, from Erlang source text (erl_scan, erl_parse,
%% erl_eval), never from erlts's bytes: what it says term_to_binary writes is
%% OTP's own answer. Pids, references, ports and funs have no source text that
%% makes them, so the text names them as atoms '$erlts_pool_N', which stand for
%% the Nth term of a pool this node made (pool/0), whose bytes erlts asks for
%% first.
%%
%% Requests:
%%   pool                  -> [term_to_binary(P) || P <- Pool]
%%   {eval, OptsList, Items}   Items = [{Text, [ErltsBytes]}], one ErltsBytes per Opts ->
%%       [{ok, [{term_to_binary(T, Opts), term_to_binary(T, [deterministic | Opts]),
%%               binary_to_term(ErltsBytes) =:= T} || Opts]} | {error, Why}]
%%   {make, Opts, Texts}   -> [term_to_binary(T, Opts) | {error, Why}]
%%   {decode, Bins}        -> [{ok, term_to_binary(binary_to_term(B)), Used} | error]
-module(etf_oracle).
-export([main/0]).

main() ->
    Port = open_port({fd, 0, 1}, [binary, {packet, 4}, eof]),
    loop(Port, pool()).

loop(Port, Pool) ->
    receive
        {Port, {data, Request}} ->
            Reply = handle(binary_to_term(Request), Pool),
            Port ! {self(), {command, term_to_binary(Reply)}},
            loop(Port, Pool);
        {Port, eof} ->
            halt(0)
    end.

handle(pool, Pool) ->
    [term_to_binary(P) || P <- Pool];
handle({eval, OptsList, Items}, Pool) ->
    [eval_one(Text, Ours, OptsList, Pool) || {Text, Ours} <- Items];
handle({make, Opts, Texts}, Pool) ->
    [try term_to_binary(term(Text, Pool), Opts) catch C:R -> {error, why(C, R)} end || Text <- Texts];
handle({decode, Bins}, _Pool) ->
    [reencode(B) || B <- Bins].

eval_one(Text, Ours, OptsList, Pool) ->
    try
        T = term(Text, Pool),
        {ok, [{term_to_binary(T, Opts), term_to_binary(T, [deterministic | Opts]),
               (catch binary_to_term(B)) =:= T}
              || {Opts, B} <- lists:zip(OptsList, Ours)]}
    catch
        C:R -> {error, why(C, R)}
    end.

reencode(B) ->
    try binary_to_term(B, [used]) of
        {T, Used} -> {ok, term_to_binary(T), Used}
    catch
        error:badarg -> error
    end.

why(C, R) -> iolist_to_binary(io_lib:format("~p:~p", [C, R])).

%% A literal term is read by erl_parse:parse_term/1 (fast); any other
%% expression (lists:seq(1, 10)) is evaluated.
term(TextBin, Pool) ->
    Text = unicode:characters_to_list(TextBin),
    {ok, Tokens, _} = erl_scan:string(Text ++ "."),
    V = case erl_parse:parse_term(Tokens) of
            {ok, Term} ->
                Term;
            {error, _} ->
                {ok, Exprs} = erl_parse:parse_exprs(Tokens),
                {value, Value, _} = erl_eval:exprs(Exprs, []),
                Value
        end,
    subst(V, Pool).

%% Replaces the atoms '$erlts_pool_N' with the pool's terms, everywhere.
subst(A, Pool) when is_atom(A) ->
    case atom_to_list(A) of
        "$erlts_pool_" ++ N -> lists:nth(list_to_integer(N) + 1, Pool);
        _ -> A
    end;
subst(T, Pool) when is_tuple(T) -> list_to_tuple([subst(E, Pool) || E <- tuple_to_list(T)]);
subst([H | T], Pool) -> [subst(H, Pool) | subst(T, Pool)];
subst(M, Pool) when is_map(M) -> maps:from_list([{subst(K, Pool), subst(V, Pool)} || {K, V} <- maps:to_list(M)]);
subst(X, _Pool) -> X.

%% Terms source text cannot make: this node's pid, reference and port, other
%% nodes' (made from their external form), and funs made by BEAM code.
pool() ->
    X = 42,
    Y = {foo, "bar"},
    Remote = fun(Bytes) -> binary_to_term(list_to_binary([131 | Bytes])) end,
    Node = fun(Name) -> [100, 0, length(Name) | Name] end,
    [self(),
     make_ref(),
     hd(erlang:ports()),
     alias(),
     Remote([88, Node("x@y"), 0, 0, 0, 5, 0, 0, 0, 1, 0, 0, 0, 7]),
     Remote([88, Node("x@y"), 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255]),
     Remote([88, 119, 11, "n\xc3\xb6de@h\xc3\xb6st", 0, 0, 0, 5, 0, 0, 0, 1, 0, 0, 0, 2]),
     Remote([90, 0, 3, Node("x@y"), 0, 0, 0, 7, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3]),
     Remote([90, 0, 5, Node("x@y"), 0, 0, 0, 7, 255, 255, 255, 255, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0, 5]),
     Remote([89, Node("x@y"), 0, 0, 0, 9, 0, 0, 0, 7]),
     Remote([120, Node("x@y"), 0, 0, 1, 0, 0, 0, 0, 9, 0, 0, 0, 7]),
     fun() -> ok end,
     fun(A) -> {A, X, Y} end,
     fun(A, B) -> [A, B | Y] end].
