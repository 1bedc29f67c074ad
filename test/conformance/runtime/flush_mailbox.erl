%% flush() empties the mailbox and gives what it removed, oldest first.
-module(flush_mailbox).
-export([main/0]).

main() ->
    self() ! one,
    self() ! {two, 2},
    self() ! "three",
    io:format("~p~n", [flush()]),
    io:format("~p~n", [flush()]),
    self() ! again,
    io:format("~p~n", [flush()]).

flush() ->
    receive
        X -> [X | flush()]
    after 0 -> []
    end.
