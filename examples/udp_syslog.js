// @ts-check
// A syslog collector (RFC 3164 over UDP): one process owns a gen_udp socket,
// reads each datagram's <PRI> as a facility and a severity, prints one line a
// message and counts the messages of each severity. Syslog never answers, but a
// datagram that says `stats` gets the counts back, at the address and port it
// came from. The socket is in {active, 10}: after ten datagrams it turns
// passive and sends {udp_passive, Sock}, and the loop re-arms it, so datagrams
// that come faster than they are handled wait in the socket's receive buffer
// (beyond it they are dropped, as UDP drops them), not in the mailbox.
//   node examples/udp_syslog.js           (port 5514, or $PORT)
//   node examples/udp_syslog.js 0         (a port the system picks)
// then, in another terminal:
//   echo '<34>Oct 11 22:14:15 mymachine su: hello' | nc -u -w1 127.0.0.1 5514
//   logger --rfc3164 -d -n 127.0.0.1 -P 5514 'hello from logger'
//   echo stats | nc -u -w1 127.0.0.1 5514
//
// -define(BATCH, 10).
// -define(FACILITIES, {kern, user, mail, daemon, auth, syslog, lpr, news, uucp, cron,
//                      authpriv, ftp, ntp, audit, alert, clock, local0, local1, local2,
//                      local3, local4, local5, local6, local7}).
// -define(SEVERITIES, {emerg, alert, crit, err, warning, notice, info, debug}).
//
// start(Port) ->
//     {ok, Sock} = gen_udp:open(Port, [binary, {active, ?BATCH}]),
//     {ok, LPort} = inet:port(Sock),
//     io:format("syslog collector listening on port ~b~n", [LPort]),
//     loop(Sock, #{}).
//
// loop(Sock, Counts) ->
//     receive
//         {udp, Sock, IP, Port, Data} ->
//             case string:trim(Data, trailing) of
//                 <<"stats">> ->
//                     ok = gen_udp:send(Sock, IP, Port, io_lib:format("~w~n", [Counts])),
//                     loop(Sock, Counts);
//                 Line ->
//                     {Facility, Severity, Msg} = parse(Line),
//                     io:format("~s:~b ~s.~s: ~s~n",
//                               [inet:ntoa(IP), Port, Facility, Severity, Msg]),
//                     loop(Sock, maps:update_with(Severity, fun(N) -> N + 1 end, 1, Counts))
//             end;
//         {udp_passive, Sock} ->
//             ok = inet:setopts(Sock, [{active, ?BATCH}]),
//             loop(Sock, Counts)
//     end.
//
// %% <PRI> is Facility * 8 + Severity; a message without one is user.notice
// %% (RFC 3164, 4.3.3).
// parse(Line) ->
//     case Line of
//         <<"<", Rest/binary>> ->
//             case string:to_integer(Rest) of
//                 {Pri, <<">", Msg/binary>>} when Pri >= 0, Pri =< 191 ->
//                     {element(Pri div 8 + 1, ?FACILITIES),
//                      element(Pri rem 8 + 1, ?SEVERITIES), Msg};
//                 _ ->
//                     {user, notice, Line}
//             end;
//         _ ->
//             {user, notice, Line}
//     end.
//
// run(start, Port) below runs start in a process of its own, as
// spawn(syslog, start, [Port]) would in erl.
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import * as maps from 'erlts/maps';
import * as string from 'erlts/string';
import { _, bin, case_, io, io_lib, is, is_binary, is_integer, match, on, ok, receive, run } from 'erlts';

/** @typedef {import('erlts/gen_udp').socket} Socket */
/** @typedef {Readonly<Record<string, number>>} Counts  #{Severity => N} */
/** @template {Record<string, unknown>} T @typedef {import('erlts').BinPattern<T>} BinPattern */

const BATCH = 10;
// prettier-ignore
const FACILITIES = /** @type {const} */ ([
  'kern', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news', 'uucp', 'cron',
  'authpriv', 'ftp', 'ntp', 'audit', 'alert', 'clock', 'local0', 'local1', 'local2',
  'local3', 'local4', 'local5', 'local6', 'local7',
]);
const SEVERITIES = /** @type {const} */ ([
  'emerg',
  'alert',
  'crit',
  'err',
  'warning',
  'notice',
  'info',
  'debug',
]);
// parse/1's binary patterns, each with the type of its bindings (which a JS file cannot give
// `bin` as a type argument).
/** @type {BinPattern<{ Rest: Buffer }>} */
const OPEN_PRI = /** @type {never} */ (bin`"<", Rest/binary`);
/** @type {BinPattern<{ Msg: Buffer }>} */
const CLOSE_PRI = /** @type {never} */ (bin`">", Msg/binary`);

/** @param {number} Port */
async function start(Port) {
  const Sock = ok(await gen_udp.open(Port, ['binary', ['active', BATCH]]));
  const LPort = ok(await inet.port(Sock));
  io.format('syslog collector listening on port ~b~n', [LPort]);
  return loop(Sock, {});
}

/**
 * @param {Socket} Sock
 * @param {Counts} Counts
 * @returns {Promise<never>}
 */
function loop(Sock, Counts) {
  return receive(
    on(['udp', Sock, is(inet.is_ip_address), is(is_integer), is(is_binary)], ([, , IP, Port, Data]) =>
      case_(
        string.trim(Data, 'trailing'),
        on(Buffer.from('stats'), async () => {
          match('ok', await gen_udp.send(Sock, IP, Number(Port), io_lib.format('~w~n', [Counts])));
          return loop(Sock, Counts);
        }),
        on(is(is_binary), (Line) => {
          const [Facility, Severity, Msg] = parse(Line);
          io.format('~s:~b ~s.~s: ~s~n', [inet.ntoa(IP), Port, Facility, Severity, Msg]);
          return loop(
            Sock,
            maps.update_with(Severity, (/** @type {number} */ N) => N + 1, 1, Counts),
          );
        }),
      ),
    ),
    on(['udp_passive', Sock], async () => {
      match('ok', await inet.setopts(Sock, [['active', BATCH]]));
      return loop(Sock, Counts);
    }),
  );
}

/**
 * <PRI> is Facility * 8 + Severity; a message without one is user.notice (RFC 3164, 4.3.3).
 * @param {Uint8Array} Line
 * @returns {readonly [string, string, Uint8Array]} `{Facility, Severity, Msg}`
 */
function parse(Line) {
  return case_(
    Line,
    on(OPEN_PRI, ({ Rest }) =>
      case_(
        string.to_integer(Rest),
        on(
          [is(is_integer), CLOSE_PRI],
          ([Pri]) => Pri >= 0 && Pri <= 191,
          ([Pri, { Msg }]) => {
            const P = Number(Pri);
            return /** @type {const} */ ([FACILITIES[P >> 3] ?? 'user', SEVERITIES[P & 7] ?? 'notice', Msg]);
          },
        ),
        on(_, () => /** @type {const} */ (['user', 'notice', Line])),
      ),
    ),
    on(_, () => /** @type {const} */ (['user', 'notice', Line])),
  );
}

await run(start, Number(process.argv[2] ?? process.env['PORT'] ?? 5514));
