%% Every way gen_server:call/2,3 fails, and the exit reason the caller gets:
%% noproc for a name and for a dead pid, {nodedown, N}, calling_self,
%% timeout (and the late reply dropped), and the server's own reason.
-module(gs_call_failures).
-behaviour(gen_server).
-export([main/0, init/1, handle_call/3, handle_cast/2]).

main() ->
    p(catch gen_server:call(nobody, hello)),
    p(catch gen_server:call(nobody, hello, 100)),
    {ok, Pid} = gen_server:start(?MODULE, [], []),
    ok = gen_server:stop(Pid),
    p(catch gen_server:call(Pid, hello)),
    p(catch gen_server:call({nobody, 'other@host'}, hello)),
    {ok, Pid2} = gen_server:start(?MODULE, [], []),
    p(gen_server:call(Pid2, self_call)),
    p(catch gen_server:call(Pid2, {sleep, 100}, 30)),
    timer:sleep(150),
    p(drain()),
    p(catch gen_server:call(Pid2, {exit, boom})),
    p(is_process_alive(Pid2)),
    {ok, Pid3} = gen_server:start(?MODULE, [], []),
    p(catch gen_server:call(Pid3, {exit, {shutdown, bye}}, infinity)),
    {ok, Pid4} = gen_server:start(?MODULE, [], []),
    {'EXIT', {{badarith, _}, Where}} = (catch gen_server:call(Pid4, divide)),
    p(Where),
    {ok, Pid5} = gen_server:start(?MODULE, [], []),
    spawn(fun() -> timer:sleep(20), exit(Pid5, kill) end),
    p(catch gen_server:call(Pid5, {sleep, 200})).

p(X) -> io:format("~p~n", [X]).

drain() ->
    receive X -> [X | drain()] after 0 -> [] end.

init([]) -> {ok, []}.

handle_call(self_call, _From, S) -> {reply, catch gen_server:call(self(), x), S};
handle_call({sleep, T}, _From, S) -> timer:sleep(T), {reply, late, S};
handle_call({exit, R}, _From, _S) -> exit(R);
handle_call(divide, _From, S) -> {reply, 1 div length(S), S}.

handle_cast(_, S) -> {noreply, S}.
