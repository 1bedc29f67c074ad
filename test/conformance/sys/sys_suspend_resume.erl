%% sys:suspend/resume on a gen_server: a call made while it is suspended waits
%% (and times out if it waits too long), system messages are still answered,
%% and after resume the queued call is served.
-module(sys_suspend_resume).
-behaviour(gen_server).
-export([main/0, init/1, handle_call/3, handle_cast/2]).

main() ->
    {ok, P} = gen_server:start({local, ssr_name}, ?MODULE, 0, []),
    p(sys:suspend(ssr_name)),
    p(catch gen_server:call(ssr_name, bump, 50)),
    Self = self(),
    spawn(fun() -> Self ! {answer, gen_server:call(ssr_name, bump)} end),
    timer:sleep(30),
    p(receive {answer, A0} -> A0 after 0 -> still_waiting end),
    p(sys:get_state(ssr_name)),
    p(sys:replace_state(ssr_name, fun(N) -> N + 10 end)),
    {status, P, {module, M}, [_, SysState | _]} = sys:get_status(ssr_name),
    p({M, SysState}),
    p(sys:resume(ssr_name)),
    p(receive {answer, A} -> A after 200 -> none end),
    p(gen_server:call(ssr_name, bump)),
    {status, P, _, [_, SysState2 | _]} = sys:get_status(P),
    p(SysState2),
    p(catch sys:get_state(nobody)),
    p(catch sys:suspend(nobody, 100)),
    ok = gen_server:stop(P).

p(X) -> io:format("~p~n", [X]).

init(N) -> {ok, N}.
handle_call(bump, _From, N) -> {reply, N + 1, N + 1}.
handle_cast(_, S) -> {noreply, S}.
