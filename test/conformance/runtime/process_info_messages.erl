%% process_info message_queue_len and messages, of self and of another process.
-module(process_info_messages).
-export([main/0]).

main() ->
    io:format("~p~n", [process_info(self(), message_queue_len)]),
    self() ! one,
    self() ! {two, [2]},
    io:format("~p~n", [process_info(self(), message_queue_len)]),
    io:format("~p~n", [process_info(self(), messages)]),
    P = spawn(fun() -> receive go -> ok end end),
    P ! a,
    P ! b,
    timer:sleep(20),
    io:format("~p~n", [process_info(P, [message_queue_len, messages])]),
    P ! go,
    timer:sleep(20),
    io:format("dead: ~p~n", [process_info(P, messages)]),
    receive one -> ok end,
    io:format("~p~n", [process_info(self(), messages)]).
