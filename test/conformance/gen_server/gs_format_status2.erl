%% The old format_status/2: what sys:get_status shows for normal (a list of
%% sections, or a term put in [{data, [{"State", T}]}]), what the terminate
%% report shows for terminate, and a format_status/2 that crashes.
-module(gs_format_status2).
-behaviour(gen_server).
-export([main/0, log/2, init/1, handle_call/3, handle_cast/2, format_status/2]).

main() ->
    {ok, P1} = gen_server:start(?MODULE, sections, []),
    {status, _, _, [_, _, _, _, M1]} = sys:get_status(P1),
    p(M1),
    {ok, P2} = gen_server:start(?MODULE, term, []),
    {status, _, _, [_, _, _, _, M2]} = sys:get_status(P2),
    p(M2),
    {ok, P3} = gen_server:start(?MODULE, crash, []),
    {status, _, _, [_, _, _, _, M3]} = sys:get_status(P3),
    p(M3),
    logger:add_handler(gfs_cap, ?MODULE, #{}),
    logger:set_primary_config(level, notice),
    [begin
         M = monitor(process, P),
         gen_server:cast(P, stop),
         receive {'DOWN', M, _, _, _} -> timer:sleep(5) end
     end || P <- [P1, P2, P3]],
    logger:set_primary_config(level, none),
    logger:remove_handler(gfs_cap).

p(X) -> io:format("~p~n", [X]).

log(#{msg := {report, #{label := {gen_server, terminate}, state := S}}}, _) ->
    io:format("report state: ~p~n", [S]);
log(_, _) ->
    ok.

init(Kind) -> {ok, Kind}.
handle_call(_, _From, S) -> {reply, ok, S}.
handle_cast(stop, S) -> {stop, oops, S}.

format_status(_Opt, [_PDict, crash]) -> erlang:error(bad);
format_status(normal, [_PDict, sections]) -> [{data, [{"Mine", sections}]}, {data, [{"More", 1}]}];
format_status(normal, [_PDict, S]) -> {shown, S};
format_status(terminate, [_PDict, S]) -> {terminating, S}.
