%% What gen_server:start/start_link/start_monitor return: {ok, Pid},
%% {error, {already_started, Pid}}, ignore, {error, R} for {stop, R}, an init
%% that crashes (error, exit) or returns a bad value, and a thrown result.
-module(gs_start_results).
-behaviour(gen_server).
-export([main/0, init/1, handle_call/3, handle_cast/2]).

main() ->
    {ok, P} = gen_server:start({local, gsr_name}, ?MODULE, ok, []),
    p(gen_server:start({local, gsr_name}, ?MODULE, ok, []) =:= {error, {already_started, P}}),
    p(gen_server:start(?MODULE, ignore, [])),
    p(gen_server:start(?MODULE, {stop, why}, [])),
    p(gen_server:start(?MODULE, bad, [])),
    {error, {R, _}} = gen_server:start(?MODULE, {error, oops}, []),
    p(R),
    p(gen_server:start(?MODULE, {exit, bye}, [])),
    {ok, P2} = gen_server:start(?MODULE, {throw, {ok, thrown}}, []),
    p(sys:get_state(P2)),
    p(gen_server:start(?MODULE, {throw, ignore}, [])),
    p(whereis(gsr_other)),
    p(gen_server:start({local, gsr_other}, ?MODULE, {stop, why}, [])),
    p(whereis(gsr_other)),
    process_flag(trap_exit, true),
    p(gen_server:start_link(?MODULE, {stop, why}, [])),
    p(receive {'EXIT', _, R2} -> R2 after 100 -> none end),
    p(gen_server:start_link(?MODULE, ignore, [])),
    p(receive {'EXIT', _, R3} -> R3 after 100 -> none end),
    {ok, {P3, Ref}} = gen_server:start_monitor(?MODULE, ok, []),
    p(is_reference(Ref)),
    ok = gen_server:stop(P3),
    p(receive {'DOWN', Ref, process, P3, R4} -> R4 after 100 -> none end),
    p(gen_server:start_monitor(?MODULE, {stop, why}, [])),
    p(receive {'DOWN', _, process, _, R5} -> R5 after 100 -> none end),
    p(gen_server:start(?MODULE, sleep, [{timeout, 50}])),
    p(gen_server:start(?MODULE, ok, [{timeout, 50}]) =/= error).

p(X) -> io:format("~p~n", [X]).

init(ok) -> {ok, state};
init(ignore) -> ignore;
init({stop, R}) -> {stop, R};
init(bad) -> {okay, state};
init({error, R}) -> erlang:error(R);
init({exit, R}) -> exit(R);
init({throw, T}) -> throw(T);
init(sleep) -> timer:sleep(200), {ok, state}.

handle_call(_, _From, S) -> {reply, ok, S}.
handle_cast(_, S) -> {noreply, S}.
