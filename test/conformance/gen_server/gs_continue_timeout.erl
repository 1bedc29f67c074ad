%% handle_continue runs before the next message, from init and every callback;
%% a timeout in a return sends handle_info(timeout) when no message comes, and
%% a message that comes first cancels it; bad returns end the server with
%% {bad_return_value, V} from handle_call, handle_cast, handle_info. collect/0 waits 250 ms for
%% events: margins of 220 ms over the 30 ms timeouts, so a loaded machine keeps the order.
-module(gs_continue_timeout).
-behaviour(gen_server).
-export([main/0, init/1, handle_call/3, handle_cast/2, handle_info/2, handle_continue/2]).

main() ->
    {ok, P} = gen_server:start(?MODULE, self(), []),
    P ! first,
    p(collect()),
    p(gen_server:call(P, {timeout, 30})),
    p(collect()),
    p(gen_server:call(P, {timeout, 100})),
    P ! early,
    p(collect()),
    gen_server:cast(P, {continue_then, 20}),
    p(collect()),
    P ! {noreply_timeout, 0},
    p(collect()),
    Bad = fun(Send) ->
                  {ok, S} = gen_server:start(?MODULE, self(), []),
                  collect(),
                  M = monitor(process, S),
                  Send(S),
                  receive {'DOWN', M, _, _, R} -> R after 200 -> none end
          end,
    p(Bad(fun(S) -> catch gen_server:call(S, bad) end)),
    p(Bad(fun(S) -> gen_server:cast(S, bad) end)),
    p(Bad(fun(S) -> S ! bad end)),
    p(Bad(fun(S) -> S ! bad_continue end)).

p(X) -> io:format("~p~n", [X]).

collect() ->
    receive {event, E} -> [E | collect()] after 250 -> [] end.

init(Parent) -> {ok, Parent, {continue, from_init}}.

handle_continue(from_init, Parent) -> Parent ! {event, {continue, from_init}}, {noreply, Parent};
handle_continue({then_timeout, T}, Parent) ->
    Parent ! {event, continued}, {noreply, Parent, T};
handle_continue(bad, _Parent) -> bad_from_continue.

handle_call({timeout, T}, _From, Parent) -> {reply, {armed, T}, Parent, T};
handle_call(bad, _From, _Parent) -> {reply}.

handle_cast({continue_then, T}, Parent) -> {noreply, Parent, {continue, {then_timeout, T}}};
handle_cast(bad, _Parent) -> {noreply}.

handle_info(timeout, Parent) -> Parent ! {event, timeout}, {noreply, Parent};
handle_info({noreply_timeout, T}, Parent) -> {noreply, Parent, T};
handle_info(bad, _Parent) -> {stop};
handle_info(bad_continue, Parent) -> {noreply, Parent, {continue, bad}};
handle_info(Msg, Parent) -> Parent ! {event, {info, Msg}}, {noreply, Parent}.
