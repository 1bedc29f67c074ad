%% send_request with wait_response, receive_response and check_response: the
%% reply, timeout (the request stays outstanding for wait_response, abandoned
%% for receive_response: its late reply never arrives), a server that dies,
%% and a name nobody has.
-module(gs_send_request).
-behaviour(gen_server).
-export([main/0, init/1, handle_call/3, handle_cast/2]).

main() ->
    {ok, P} = gen_server:start({local, gsq_name}, ?MODULE, [], []),
    R1 = gen_server:send_request(gsq_name, echo),
    p(gen_server:wait_response(R1, 1000)),
    R2 = gen_server:send_request(P, {sleep, 60}),
    p(gen_server:wait_response(R2, 10)),
    p(gen_server:wait_response(R2, 1000)),
    R3 = gen_server:send_request(P, {sleep, 60}),
    p(gen_server:receive_response(R3, 10)),
    timer:sleep(100),
    p(drain()),
    R4 = gen_server:send_request(P, echo),
    Msg = receive M -> M end,
    p(gen_server:check_response(other, R4)),
    p(gen_server:check_response(Msg, R4)),
    R5 = gen_server:send_request(P, die),
    p(gen_server:wait_response(R5, 1000)),
    R6 = gen_server:send_request(gsq_name, echo),
    p(gen_server:receive_response(R6, 1000)),
    p(drain()).

p(X) -> io:format("~p~n", [X]).

drain() -> receive X -> [X | drain()] after 0 -> [] end.

init(S) -> {ok, S}.
handle_call(echo, _From, S) -> {reply, echoed, S};
handle_call({sleep, T}, _From, S) -> timer:sleep(T), {reply, slept, S};
handle_call(die, _From, S) -> {stop, died, S}.
handle_cast(_, S) -> {noreply, S}.
