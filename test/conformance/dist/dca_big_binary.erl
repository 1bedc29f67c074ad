-module(dca_big_binary).
-export([main/0]).

%% A 1 MiB binary, a sub-binary and a bitstring go to a process of the peer and come back whole.
main() ->
    Peer = list_to_atom(os:getenv("CONFORMANCE_PEER")),
    P = spawn(Peer, dist_peer, echo, []),
    Big = list_to_binary([I rem 251 || I <- lists:seq(0, 1048575)]),
    P ! {self(), Big},
    receive {P, B} -> io:format("1 MiB: ~w ~w ~w~n", [byte_size(B), B =:= Big, binary:part(B, 1048570, 6)]) after 5000 -> io:format("nothing~n") end,
    Sub = binary:part(Big, 1000, 3000),
    P ! {self(), {sub, Sub}},
    receive {P, {sub, S}} -> io:format("sub-binary: ~w ~w~n", [byte_size(S), S =:= Sub]) after 5000 -> io:format("nothing~n") end,
    Bits = <<Big:1000/binary, 5:3>>,
    P ! {self(), Bits},
    receive {P, Bs} -> io:format("bitstring: ~w ~w~n", [bit_size(Bs), Bs =:= Bits]) after 5000 -> io:format("nothing~n") end,
    Many = [Big, Big, Sub],
    P ! {self(), Many},
    receive {P, Ms} -> io:format("a list of them: ~w ~w~n", [[byte_size(X) || X <- Ms], Ms =:= Many]) after 5000 -> io:format("nothing~n") end,
    io:format("byte_size there: ~w~n", [rpc:call(Peer, erlang, byte_size, [Big])]),
    P ! stop.
