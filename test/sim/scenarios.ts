/**
 * Known-buggy concurrent scenarios for erlts/sim, each a short literal port of an Erlang idiom
 * whose bug only some interleavings show, and the fixed version of each. The tests in
 * bugs.test.ts check that `explore` finds each bug and that the fixes survive many schedules;
 * a benchmark can run the same functions. Each scenario is the code of a simulation's first
 * process: it returns on success and throws (or crashes, or waits for ever) on the bug.
 */
import {
  _,
  after,
  demonitor,
  exit,
  monitor,
  ok,
  on,
  port_info,
  ports,
  receive,
  self,
  send,
  spawn,
  spawn_link,
  type Pid,
} from 'erlts';
import * as gen_server from 'erlts/gen_server';
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';

// ---- 1. lost update ------------------------------------------------------------------------

// counter() -> loop(0).
// loop(N) ->
//     receive
//         {get, From} -> From ! {value, N}, loop(N);
//         {put, V} -> loop(V);
//         {incr, From} -> From ! {incremented, N + 1}, loop(N + 1)
//     end.
async function counter(N: number): Promise<never> {
  return receive(
    on(['get', _], ([, From]) => {
      send(From as Pid, ['value', N]);
      return counter(N);
    }),
    on(['put', _], ([, V]) => counter(V as number)),
    on(['incr', _], ([, From]) => {
      send(From as Pid, ['incremented', N + 1]);
      return counter(N + 1);
    }),
  );
}

// get(Counter) -> Counter ! {get, self()}, receive {value, V} -> V end.
async function get(Counter: Pid): Promise<number> {
  send(Counter, ['get', self()]);
  return receive(on(['value', _], ([, V]) => V as number));
}

// lost_update() ->
//     Counter = spawn(fun() -> counter() end),
//     Parent = self(),
//     Client = fun() -> V = get(Counter), Counter ! {put, V + 1}, Parent ! done end,
//     spawn(Client), spawn(Client),
//     receive done -> ok end, receive done -> ok end,
//     case get(Counter) of 2 -> ok; N -> error({lost_update, N}) end.
export async function lostUpdate(): Promise<number> {
  const Counter = spawn(() => counter(0));
  const Parent = self();
  const Client = async (): Promise<void> => {
    const V = await get(Counter);
    send(Counter, ['put', V + 1]);
    send(Parent, 'done');
  };
  spawn(Client);
  spawn(Client);
  await receive(on('done', () => 'ok'));
  await receive(on('done', () => 'ok'));
  const N = await get(Counter);
  if (N !== 2) throw new Error(`lost update: two increments left the counter at ${N}`);
  return N;
}

// The fix: one atomic message, the read and the write in one step of the server.
// Client = fun() -> Counter ! {incr, self()}, receive {incremented, _} -> ok end, Parent ! done end
export async function lostUpdateFixed(): Promise<number> {
  const Counter = spawn(() => counter(0));
  const Parent = self();
  const Client = async (): Promise<void> => {
    send(Counter, ['incr', self()]);
    await receive(on(['incremented', _], () => 'ok'));
    send(Parent, 'done');
  };
  spawn(Client);
  spawn(Client);
  await receive(on('done', () => 'ok'));
  await receive(on('done', () => 'ok'));
  const N = await get(Counter);
  if (N !== 2) throw new Error(`lost update: two increments left the counter at ${N}`);
  return N;
}

// ---- 2. a request to a process that may die, without a monitor -------------------------------

// worker() -> receive {req, From, X} -> From ! {reply, X * 2} end.
async function worker(): Promise<void> {
  return receive(
    on(['req', _, _], ([, From, X]) => {
      send(From as Pid, ['reply', (X as number) * 2]);
    }),
  );
}

// missing_monitor() ->
//     Worker = spawn(fun worker/0),
//     spawn(fun() -> exit(Worker, kill) end),          % a third process kills it, any time
//     Worker ! {req, self(), 21},
//     receive {reply, R} -> R end.                     % waits for ever once Worker is gone
export async function missingMonitor(): Promise<unknown> {
  const Worker = spawn(worker);
  spawn(() => exit(Worker, 'kill'));
  send(Worker, ['req', self(), 21]);
  return receive(on(['reply', _], ([, R]) => R));
}

// The fix: monitor first, then send; a DOWN ends the wait.
//     Ref = monitor(process, Worker),
//     Worker ! {req, self(), 21},
//     receive
//         {reply, R} -> demonitor(Ref, [flush]), {ok, R};
//         {'DOWN', Ref, process, Worker, Reason} -> {error, Reason}
//     end.
export async function missingMonitorFixed(): Promise<unknown> {
  const Worker = spawn(worker);
  spawn(() => exit(Worker, 'kill'));
  const Ref = monitor('process', Worker);
  send(Worker, ['req', self(), 21]);
  return receive(
    on(['reply', _], ([, R]) => {
      demonitor(Ref, ['flush']);
      return ['ok', R];
    }),
    on(['DOWN', Ref, 'process', Worker, _], ([, , , , Reason]) => ['error', Reason]),
  );
}

// ---- 3. an `after 0` poll that misses the reply ---------------------------------------------

// server() -> receive {req, From} -> From ! {reply, 42} end.
async function server(): Promise<void> {
  return receive(on(['req', _], ([, From]) => void send(From as Pid, ['reply', 42])));
}

// logger() -> receive {log, From, _What} -> From ! logged end.
async function logger(): Promise<void> {
  return receive(on(['log', _, _], ([, From]) => void send(From as Pid, 'logged')));
}

// poll_misses() ->
//     Server = spawn(fun server/0), Logger = spawn(fun logger/0),
//     Server ! {req, self()},
//     Logger ! {log, self(), sent}, receive logged -> ok end,   % other work meanwhile
//     receive {reply, R} -> R after 0 -> error(missed_reply) end.
// `after 0` only looks at what is queued now: the reply is there only if Server ran first. The
// round trip to Logger is where the other processes get their turn: a send does not give the
// turn up, so `Server ! {req, self()}` right before the poll would miss the reply in every
// schedule of a simulation (and in nearly every real run).
export async function pollMisses(): Promise<number> {
  const Server = spawn(server);
  const Logger = spawn(logger);
  send(Server, ['req', self()]);
  send(Logger, ['log', self(), 'sent']);
  await receive(on('logged', () => 'ok'));
  return receive(
    on(['reply', _], ([, R]) => R as number),
    after(0, () => {
      throw new Error('missed_reply: the after 0 poll ran before the server replied');
    }),
  );
}

// The fix: wait for the reply, with a real timeout (virtual time in a simulation).
//     receive {reply, R} -> R after 5000 -> error(timeout) end.
export async function pollMissesFixed(): Promise<number> {
  const Server = spawn(server);
  const Logger = spawn(logger);
  send(Server, ['req', self()]);
  send(Logger, ['log', self(), 'sent']);
  await receive(on('logged', () => 'ok'));
  return receive(
    on(['reply', _], ([, R]) => R as number),
    after(5000, () => {
      throw new Error('timeout: the server never replied');
    }),
  );
}

// ---- 4. an acceptor that leaks the socket of a handler that died early -----------------------

// registry() -> receive {accepted, From} -> From ! registered, registry() end.
async function registry(): Promise<never> {
  return receive(
    on(['accepted', _], ([, From]) => {
      send(From as Pid, 'registered');
      return registry();
    }),
  );
}

// A handler that refuses the connection at once (the server is full): it exits, counting on the
// socket closing with its owner.
// handler(_S) -> exit(normal).
async function refusingHandler(_S: gen_tcp.socket): Promise<void> {}

// acceptor(LS, Registry) ->
//     {ok, S} = gen_tcp:accept(LS),
//     Handler = spawn(fun() -> handler(S) end),
//     Registry ! {accepted, self()}, receive registered -> ok end,
//     gen_tcp:controlling_process(S, Handler),      % {error, badarg} if Handler is gone already
//     acceptor(LS, Registry).
async function leakyAcceptor(LS: gen_tcp.socket, Registry: Pid): Promise<never> {
  const S = ok(await gen_tcp.accept(LS));
  const Handler = spawn(refusingHandler, S);
  send(Registry, ['accepted', self()]);
  await receive(on('registered', () => 'ok'));
  await gen_tcp.controlling_process(S, Handler);
  return leakyAcceptor(LS, Registry);
}

// The fix: the handler waits for go, sent once it owns the socket.
// handler(S) -> receive go -> exit(normal) end.
// acceptor(LS, Registry) ->
//     {ok, S} = gen_tcp:accept(LS),
//     Handler = spawn(fun() -> receive go -> handler(S) end end),
//     Registry ! {accepted, self()}, receive registered -> ok end,
//     ok = gen_tcp:controlling_process(S, Handler),
//     Handler ! go,
//     acceptor(LS, Registry).
async function acceptor(LS: gen_tcp.socket, Registry: Pid): Promise<never> {
  const S = ok(await gen_tcp.accept(LS));
  const Handler = spawn(async () => receive(on('go', () => refusingHandler(S))));
  send(Registry, ['accepted', self()]);
  await receive(on('registered', () => 'ok'));
  ok(await gen_tcp.controlling_process(S, Handler));
  send(Handler, 'go');
  return acceptor(LS, Registry);
}

// socket_leak() ->
//     {ok, LS} = gen_tcp:listen(0, [binary, {active, false}]),
//     {ok, Port} = inet:port(LS),
//     Registry = spawn(fun registry/0),
//     Acceptor = spawn(fun() -> acceptor(LS, Registry) end),
//     {ok, C} = gen_tcp:connect("localhost", Port, [binary, {active, false}]),
//     case gen_tcp:recv(C, 0, 5000) of
//         {error, closed} -> ok;                     % the handler's exit closed the socket
//         {error, timeout} ->                        % nobody will ever close it:
//             Leaked = [P || P <- erlang:ports(),    % the acceptor still owns it
//                            erlang:port_info(P, connected) =:= {connected, Acceptor}],
//             error({socket_leak, length(Leaked)})
//     end.
async function socketLeakWith(
  acceptorLoop: (LS: gen_tcp.socket, Registry: Pid) => Promise<never>,
): Promise<string> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const Port = ok(await inet.port(LS));
  const Registry = spawn(registry);
  const Acceptor = spawn(acceptorLoop, LS, Registry);
  const C = ok(await gen_tcp.connect('localhost', Port, ['binary', ['active', false]]));
  const R = await gen_tcp.recv(C, 0, 5000);
  await gen_tcp.close(C);
  if (R[0] === 'error' && R[1] === 'closed') {
    await gen_tcp.close(LS);
    return 'closed';
  }
  const Leaked = ports().filter((P) => {
    const Info = port_info(P, 'connected');
    return Info !== 'undefined' && Info[1] === Acceptor;
  });
  throw new Error(
    `socket leak: recv gave ${JSON.stringify(R)}, and ${Leaked.length} socket(s) are still owned by the acceptor`,
  );
}

export function socketLeak(): Promise<string> {
  return socketLeakWith(leakyAcceptor);
}

export function socketLeakFixed(): Promise<string> {
  return socketLeakWith(acceptor);
}

// ---- 5. two gen_servers calling each other -----------------------------------------------------

// -module(a). (b is the same with a and b swapped)
// init([]) -> {ok, []}.
// handle_call(work, _From, S) -> Peer = gen_server:call(b, peek), {reply, {done, Peer}, S};
// handle_call(peek, _From, S) -> {reply, a, S}.
function peer(me: string, other: string): gen_server.GenServerCallbacks {
  return {
    MODULE: me,
    init: () => ['ok', []],
    handle_call: async (Req: 'work' | 'peek', _From: gen_server.From, S: unknown[]) => {
      if (Req === 'peek') return ['reply', me, S];
      const Peer = await gen_server.call(other, 'peek');
      return ['reply', ['done', Peer], S];
    },
  };
}

// The fix: no call back: the server that is asked for work tells the other with a cast.
// handle_call(work, _From, S) -> gen_server:cast(b, {worked, a}), {reply, done, S};
// handle_cast({worked, _}, S) -> {noreply, S}.
function peerFixed(me: string, other: string): gen_server.GenServerCallbacks {
  return {
    MODULE: me,
    init: () => ['ok', []],
    handle_call: async (_Req: 'work', _From: gen_server.From, S: unknown[]) => {
      gen_server.cast(other, ['worked', me]);
      return ['reply', 'done', S];
    },
    handle_cast: (_Msg: unknown, S: unknown[]) => ['noreply', S],
  };
}

// call_cycle() ->
//     {ok, _} = gen_server:start_link({local, a}, a, [], []),
//     {ok, _} = gen_server:start_link({local, b}, b, [], []),
//     Parent = self(),
//     spawn_link(fun() -> Parent ! {b, gen_server:call(b, work)} end),
//     A = gen_server:call(a, work),      % exits {timeout, {gen_server, call, [a, work, 5000]}}
//     receive {b, B} -> {A, B} end.      % when a and b both work at once
// The callback modules are made once: a module made per run would get a new name in each run's
// crash reports (gen_server names a module without MODULE by a global counter), and replays'
// traces would differ.
const modules = { a: peer('a', 'b'), b: peer('b', 'a') };
const modulesFixed = { a: peerFixed('a', 'b'), b: peerFixed('b', 'a') };

async function callCycleWith(mods: typeof modules): Promise<unknown> {
  ok(await gen_server.start_link(['local', 'a'], mods.a, [], []));
  ok(await gen_server.start_link(['local', 'b'], mods.b, [], []));
  const Parent = self();
  spawn_link(async () => send(Parent, ['b', await gen_server.call('b', 'work')]));
  const A = await gen_server.call('a', 'work');
  return receive(on(['b', _], ([, B]) => [A, B]));
}

export function callCycle(): Promise<unknown> {
  return callCycleWith(modules);
}

export function callCycleFixed(): Promise<unknown> {
  return callCycleWith(modulesFixed);
}
