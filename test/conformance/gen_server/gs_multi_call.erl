%% multi_call and abcast on this node and a node that is not there: replies
%% and bad nodes, a name nobody has here, and a server that dies on the call.
-module(gs_multi_call).
-behaviour(gen_server).
-export([main/0, init/1, handle_call/3, handle_cast/2]).

main() ->
    {ok, P} = gen_server:start({local, gmc_name}, ?MODULE, self(), []),
    p(gen_server:multi_call(gmc_name, ping)),
    p(gen_server:multi_call([node(), 'other@host'], gmc_name, ping)),
    p(gen_server:multi_call([node()], gmc_name, ping, 1000)),
    p(gen_server:multi_call([node()], nobody_here, ping)),
    p(gen_server:abcast(gmc_name, hello)),
    p(gen_server:abcast([node(), 'other@host'], gmc_name, again)),
    p(gen_server:abcast(nobody_here, hello)),
    p(receive {cast, C1} -> C1 after 100 -> none end),
    p(receive {cast, C2} -> C2 after 100 -> none end),
    p(gen_server:multi_call([node()], gmc_name, die)),
    p(is_process_alive(P)).

p(X) -> io:format("~p~n", [X]).

init(Parent) -> {ok, Parent}.
handle_call(ping, _From, S) -> {reply, pong, S};
handle_call(die, _From, S) -> {stop, normal, S}.
handle_cast(Msg, Parent) -> Parent ! {cast, Msg}, {noreply, Parent}.
