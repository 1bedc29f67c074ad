%% gen_server:stop/1,3: ok after terminate ran, the reason terminate sees,
%% noproc, timeout when terminate takes too long, and the reason of a
%% terminate that crashes.
-module(gs_stop_results).
-behaviour(gen_server).
-export([main/0, init/1, handle_call/3, handle_cast/2, terminate/2]).

main() ->
    {ok, P1} = gen_server:start(?MODULE, self(), []),
    p(gen_server:stop(P1)),
    p(receive {terminate, R1} -> R1 after 100 -> none end),
    {ok, _} = gen_server:start({local, gss_name}, ?MODULE, self(), []),
    p(gen_server:stop(gss_name, {shutdown, bye}, 1000)),
    p(receive {terminate, R2} -> R2 after 100 -> none end),
    p(catch gen_server:stop(gss_name)),
    p(catch gen_server:stop(P1)),
    {ok, P3} = gen_server:start(?MODULE, self(), []),
    p(catch gen_server:stop(P3, slow, 50)),
    p(receive {terminate, R3} -> R3 after 300 -> none end),
    {ok, P4} = gen_server:start(?MODULE, self(), []),
    p(catch gen_server:stop(P4, crash, infinity)),
    p(receive {terminate, R4} -> R4 after 100 -> none end).

p(X) -> io:format("~p~n", [X]).

init(Parent) -> {ok, Parent}.
handle_call(_, _From, S) -> {reply, ok, S}.
handle_cast(_, S) -> {noreply, S}.

terminate(slow, Parent) -> timer:sleep(150), Parent ! {terminate, slow};
terminate(crash, Parent) -> Parent ! {terminate, crash}, exit(terminate_crashed);
terminate(Reason, Parent) -> Parent ! {terminate, Reason}.
