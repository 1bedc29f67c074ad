%% sys:get_status/1 of a gen_server, whole: {status, Pid, {module, gen_server},
%% [PDict, SysState, Parent, Dbg, Misc]} with Misc the formatted status
%% (header, data, state), with a name, without one, with format_status/1
%% shaping the state, and with the log on (a cast: a call's From holds an alias,
%% [alias|Ref] in OTP, which erlts writes as the ref alone).
-module(sys_status_shape).
-behaviour(gen_server).
-export([main/0, init/1, handle_call/3, handle_cast/2, format_status/1]).

main() ->
    {ok, P1} = gen_server:start({local, sss_name}, ?MODULE, {plain, [1, 2]}, []),
    show(sys:get_status(sss_name)),
    {ok, P2} = gen_server:start(?MODULE, {secret, pw}, []),
    show(sys:get_status(P2)),
    ok = sys:log(P2, true),
    gen_server:cast(P2, hello),
    _ = sys:get_state(P2),
    show(sys:get_status(P2)),
    p(sys:log(P2, get)),
    ok = gen_server:stop(P1),
    ok = gen_server:stop(P2).

show({status, Pid, Mod, [PDict, SysState, Parent, Dbg, Misc]}) ->
    p({status, Pid, Mod}),
    p([lists:keymember('$ancestors', 1, PDict), lists:keymember('$initial_call', 1, PDict),
       SysState, Parent =:= Pid, length(Dbg)]),
    p(Misc).

p(X) -> io:format("~p~n", [X]).

init(S) -> {ok, S}.
handle_call(hello, _From, S) -> {reply, hi, S}.
handle_cast(_, S) -> {noreply, S}.

format_status(#{state := {secret, _}} = Status) -> Status#{state := {secret, '***'}};
format_status(Status) -> Status.
