// @ts-check
// The send_timeout example of the gen_tcp manual page, line by line: a process
// forwards its clients' data to a server over TCP, and finds out from
// {error, timeout} on send that the server has stopped reading.
//   node examples/send_timeout.js          (send_timeout 1000 ms)
//   node examples/send_timeout.js 5000     (the page's 5000 ms)
//
//     ...
//     {ok,Sock} = gen_tcp:connect(HostAddress, Port,
//                                 [{active,false},
//                                  {send_timeout, 5000},
//                                  {packet,2}]),
//     loop(Sock), % See below
//     ...
//
// loop(Sock) ->
//     receive
//         {Client, send_data, Binary} ->
//             case gen_tcp:send(Sock,[Binary]) of
//                 {error, timeout} ->
//                     io:format("Send timeout, closing!~n",
//                               []),
//                     handle_send_timeout(), % Not implemented here
//                     Client ! {self(),{error_sending, timeout}},
//                     %% Usually, it's a good idea to give up in case of a
//                     %% send timeout, as you never know how much actually
//                     %% reached the server, maybe only a packet header?!
//                     gen_tcp:close(Sock);
//                 {error, OtherSendError} ->
//                     io:format("Some other error on socket (~p), closing",
//                               [OtherSendError]),
//                     Client ! {self(),{error_sending, OtherSendError}},
//                     gen_tcp:close(Sock);
//                 ok ->
//                     Client ! {self(), data_sent},
//                     loop(Sock)
//             end
//     end.
//
// The demo around it: a server that accepts and then never reads, and a client that
// hands the forwarder 32 KiB binaries until it answers {error_sending, Reason}. The
// kernel's buffers fill first, then the socket's own queue passes its high watermark,
// and the send after that waits send_timeout milliseconds and gives {error, timeout}.
import { performance } from 'node:perf_hooks';
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { _, after, case_, exit, io, is, is_pid, ok, on, receive, run, self, send, spawn } from 'erlts';

/**
 * The part of the page before loop/1: connect with a send timeout, then forward.
 * @param {string} HostAddress
 * @param {number} Port
 * @param {number} SendTimeout milliseconds (5000 on the page)
 */
async function forwarder(HostAddress, Port, SendTimeout) {
  const Sock = ok(
    await gen_tcp.connect(HostAddress, Port, [
      ['active', false],
      ['send_timeout', SendTimeout],
      ['packet', 2],
    ]),
  );
  return loop(Sock); // See below
}

/**
 * @param {import('erlts').Port} Sock
 * @returns {Promise<'ok'>}
 */
function loop(Sock) {
  return receive(
    on([is(is_pid), 'send_data', _], async ([Client, , Binary]) =>
      case_(
        await gen_tcp.send(Sock, [Binary]),
        on(['error', 'timeout'], () => {
          io.format('Send timeout, closing!~n', []);
          handle_send_timeout(); // Not implemented here
          send(Client, [self(), ['error_sending', 'timeout']]);
          // Usually, it's a good idea to give up in case of a
          // send timeout, as you never know how much actually
          // reached the server, maybe only a packet header?!
          return gen_tcp.close(Sock);
        }),
        on(['error', _], ([, OtherSendError]) => {
          io.format('Some other error on socket (~p), closing', [OtherSendError]);
          send(Client, [self(), ['error_sending', OtherSendError]]);
          return gen_tcp.close(Sock);
        }),
        on('ok', () => {
          send(Client, [self(), 'data_sent']);
          return loop(Sock);
        }),
      ),
    ),
  );
}

/** Not implemented here, as on the page. */
function handle_send_timeout() {}

/**
 * A server that accepts one connection and never reads from it, until told to stop.
 * @param {import('erlts').Pid} Parent told `{listening, Port}`
 */
async function unresponsive_server(Parent) {
  const LSock = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const Port = ok(await inet.port(LSock));
  send(Parent, ['listening', Port]);
  const Sock = ok(await gen_tcp.accept(LSock));
  await receive(on('stop'));
  await gen_tcp.close(Sock);
  await gen_tcp.close(LSock);
}

const SendTimeout = Number(process.argv[2] ?? 1000);
const Binary = Buffer.alloc(32 * 1024, 'x');

await run(async () => {
  const Server = spawn(unresponsive_server, self());
  const Port = await receive(
    on(['listening', _], ([, P]) => /** @type {number} */ (P)),
    after(5000, () => exit('no_server')),
  );
  io.format('server listening on port ~b, never reading~n', [Port]);
  const Forwarder = spawn(forwarder, 'localhost', Port, SendTimeout);

  /**
   * The client: one binary at a time, each answered before the next.
   * @param {number} Sent
   * @returns {Promise<void>}
   */
  async function client(Sent) {
    const T0 = performance.now();
    send(Forwarder, [self(), 'send_data', Binary]);
    return receive(
      on([Forwarder, 'data_sent'], () => client(Sent + 1)),
      on([Forwarder, ['error_sending', _]], ([, Error]) => {
        const Waited = Math.round(performance.now() - T0);
        io.format('~b KiB sent in ~b binaries, then ~p after ~b ms (send_timeout ~b)~n', [
          (Sent * Binary.length) / 1024,
          Sent,
          Error,
          Waited,
          SendTimeout,
        ]);
      }),
      after(SendTimeout + 5000, () => exit('no_answer')),
    );
  }
  await client(0);
  send(Server, 'stop');
});
