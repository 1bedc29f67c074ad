%% `after` fires when nothing matches in time, and does not when a message
%% comes first; a non-matching message neither ends nor restarts the wait.
%% Margins are wide (an after that must not fire waits 1000 ms, one that must
%% fire is 170 ms ahead of the message) so a loaded machine cannot flip them.
-module(after_timeout).
-export([main/0]).

main() ->
    R1 = receive never -> never after 30 -> timeout end,
    io:format("nothing sent: ~p~n", [R1]),
    Self = self(),
    spawn(fun() -> timer:sleep(20), Self ! late end),
    R2 = receive late -> late after 1000 -> timeout end,
    io:format("sent in time: ~p~n", [R2]),
    spawn(fun() -> timer:sleep(200), Self ! too_late end),
    R3 = receive too_late -> too_late after 30 -> timeout end,
    io:format("sent too late: ~p~n", [R3]),
    R4 = receive too_late -> too_late after 1000 -> timeout end,
    io:format("then: ~p~n", [R4]),
    spawn(fun() -> timer:sleep(10), Self ! noise end),
    R5 = receive wanted -> wanted after 50 -> timeout end,
    io:format("with noise: ~p, left: ~p~n", [R5, drain()]).

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
