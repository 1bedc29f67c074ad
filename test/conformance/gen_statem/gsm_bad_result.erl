-module(gsm_bad_result).
-export([main/0, callback_mode/0, init/1, handle_event/4]).
%% Bad results and actions: the exit reasons OTP builds for them.
main() ->
    lists:foreach(
      fun(Bad) ->
          {ok, P} = gen_statem:start(?MODULE, [], []),
          M = monitor(process, P),
          gen_statem:cast(P, Bad),
          receive {'DOWN', M, process, P, {Reason, _}} -> io:format("~w~n", [Reason]) end
      end,
      [garbage, {next_state, s, d, [{bogus, 1}]}, {keep_state, d, [{reply, notfrom, x}]},
       {keep_state, d, [{timeout, -1, x}]}, {keep_state, d, [{next_event, nosuch, x}]},
       {stop_and_reply, normal, [bad]}, {keep_state, d, [{state_timeout, 10, x, [{abs, maybe}]}]}]).
callback_mode() -> handle_event_function.
init(_) -> {ok, s, []}.
handle_event(cast, Result, _, _) -> Result.
