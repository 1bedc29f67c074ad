%% The error report of a gen_server that terminates abnormally, as logger
%% formats it, captured by a handler: for a crash in handle_call (with the
%% client), a bad return from handle_cast, a {stop, R} from handle_info, and
%% format_status/1 shaping it. No report for normal, shutdown, {shutdown, _}.
%% Lines that differ by design (stacks, heap sizes) are left out in both.
-module(gs_terminate_report).
-behaviour(gen_server).
-export([main/0, log/2, init/1, handle_call/3, handle_cast/2, handle_info/2, format_status/1]).

main() ->
    logger:add_handler(gs_cap, ?MODULE, #{}),
    logger:set_primary_config(level, notice),
    {ok, P1} = gen_server:start({local, gs_rep}, ?MODULE, plain, []),
    catch gen_server:call(gs_rep, {crash, [1, 2, 3]}),
    wait(P1),
    {ok, P2} = gen_server:start(?MODULE, plain, []),
    gen_server:cast(P2, bad),
    wait(P2),
    {ok, P3} = gen_server:start(?MODULE, plain, []),
    P3 ! {stop, {shutdown, quiet}},
    wait(P3),
    {ok, P4} = gen_server:start(?MODULE, plain, []),
    P4 ! {stop, normal},
    wait(P4),
    {ok, P5} = gen_server:start(?MODULE, formatted, []),
    P5 ! {stop, {oops, "text"}},
    wait(P5),
    {ok, P7} = gen_server:start(?MODULE, plain, []),
    P7 ! {error, badarg},
    wait(P7),
    logger:set_primary_config(level, none),
    logger:remove_handler(gs_cap).

wait(P) ->
    Ref = monitor(process, P),
    receive {'DOWN', Ref, _, _, _} -> timer:sleep(5) after 200 -> ok end.

log(#{level := Level} = Event, _Config) ->
    Text = unicode:characters_to_list(
             logger_formatter:format(Event, #{template => [msg], single_line => false})),
    io:format("-- ~p~n", [Level]),
    [io:format("~ts~n", [trim(L)]) || L <- string:split(Text, "\n", all), keep(L)].

%% Stacks differ by design: frames, the client's stack, heap and stack sizes.
keep(L) ->
    not (lists:any(fun(P) -> lists:prefix(P, L) end,
                   ["      in ", "    heap_size", "    stack_size", "    reductions", "** ["])
         orelse re:run(L, "^ +[\\['{]", [{capture, none}]) =:= match).

trim(L) ->
    case string:find(L, "[{") of
        nomatch -> L;
        Rest -> string:slice(L, 0, length(L) - length(Rest))
    end.

init(Kind) -> {ok, {Kind, [a, b]}}.

handle_call({crash, X}, _From, S) -> exit({crashed, X, S}).
handle_cast(bad, _S) -> no_tuple.
handle_info({stop, R}, S) -> {stop, R, S};
handle_info({error, R}, _S) -> erlang:error(R).

format_status(#{state := {formatted, _}} = Status) -> Status#{state := hidden};
format_status(Status) -> Status.
