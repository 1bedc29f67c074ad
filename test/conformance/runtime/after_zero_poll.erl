%% `after 0` polls: it takes a matching message already queued, else times
%% out at once and leaves non-matching messages where they were.
-module(after_zero_poll).
-export([main/0]).

main() ->
    R1 = receive M1 -> {got, M1} after 0 -> empty end,
    io:format("empty mailbox: ~p~n", [R1]),
    self() ! hello,
    R2 = receive hello -> got_hello after 0 -> empty end,
    io:format("matching message: ~p~n", [R2]),
    self() ! other1,
    self() ! other2,
    R3 = receive hello -> got_hello after 0 -> no_match end,
    io:format("non-matching messages: ~p~n", [R3]),
    io:format("still queued: ~p~n", [process_info(self(), message_queue_len)]),
    Self = self(),
    spawn(fun() -> Self ! from_child end),
    timer:sleep(20),
    R4 = receive from_child -> got_from_child after 0 -> empty end,
    io:format("arrived earlier: ~p~n", [R4]),
    io:format("left: ~p~n", [drain()]).

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
