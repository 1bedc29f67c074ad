/**
 * The three public Erlang programs ported into examples/ported/ (docs/porting.md), run as users
 * run them — `node examples/ported/<name>.js` against the built package — and driven over real
 * loopback sockets with erlts's own gen_tcp, asserting what the Erlang originals do. Where `erl`
 * is installed, the original http_server runs beside its port and the two must answer alike, and
 * a real Erlang client speaks SOCKS5 through the ported proxy.
 */
import { expect } from 'chai';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import {
  ErlangError,
  after,
  bin,
  is,
  is_integer,
  list,
  ok,
  on,
  receive,
  run,
  self,
  send,
  timer,
} from 'erlts';
import { type Running, startChild } from './support/child.js';
import { erlangAvailable, evalInErlang } from './support/erlang.js';
import { parse_query_string } from '../examples/ported/http_server.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = join(root, 'test', 'fixtures', 'ported');

function start(command: string, args: readonly string[], env: Record<string, string> = {}): Running {
  return startChild(command, args, { cwd: root, env });
}

function startExample(name: string, args: readonly string[] = [], env: Record<string, string> = {}): Running {
  return start(process.execPath, [join(root, 'examples', 'ported', name), ...args], env);
}

/** A port nobody listens on now, for the programs that take a fixed port. */
async function freePort(): Promise<number> {
  const L = ok(await gen_tcp.listen(0, [['ip', [127, 0, 0, 1]]]));
  const Port = ok(await inet.port(L));
  await gen_tcp.close(L);
  return Port;
}

/** A passive binary client of 127.0.0.1:`port`. */
async function connect(port: number): Promise<gen_tcp.socket> {
  return ok(await gen_tcp.connect([127, 0, 0, 1], port, ['binary', ['active', false]], 2000));
}

/** Exactly `n` bytes from `s`, or a failure. */
async function recvBytes(s: gen_tcp.socket, n: number): Promise<Buffer> {
  return ok(await gen_tcp.recv(s, n, 5000)) as Buffer;
}

/** Everything `s` receives until the peer closes it. */
async function recvAll(s: gen_tcp.socket): Promise<Buffer> {
  let all = Buffer.alloc(0);
  for (;;) {
    const r = await gen_tcp.recv(s, 0, 5000);
    if (r[0] === 'error') {
      expect(r[1]).to.equal('closed');
      return all;
    }
    all = Buffer.concat([all, r[1] as Buffer]);
  }
}

/** The lines of each Erlang original that are code (not blank, not a comment). */
function erlangCodeLines(file: string): string[] {
  return readFileSync(join(fixtures, file), 'utf8')
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '' && !l.trim().startsWith('%'));
}

describe('ported Erlang programs (examples/ported/)', function () {
  this.timeout(20_000);

  before(function () {
    if (!existsSync(join(root, 'dist', 'runtime', 'index.js'))) {
      throw new Error(
        'dist/ is missing: the examples run the built package; run `npm run build` (npm test does)',
      );
    }
  });

  describe('each port carries its original', function () {
    for (const [port, original] of [
      ['proxy.js', 'proxy.erl'],
      ['tcp_socket_server.js', 'tcp_socket_server.erl'],
      ['http_server.js', 'http_server.erl'],
    ] as const) {
      it(`${port} has every code line of ${original}, in order, in its comments`, () => {
        const comments = readFileSync(join(root, 'examples', 'ported', port), 'utf8')
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l.startsWith('//'))
          .map((l) => l.replace(/^\/\/ ?/, '').trimEnd());
        let at = 0;
        for (const line of erlangCodeLines(original)) {
          const found = comments.indexOf(line, at);
          expect(found, `${original} line ${JSON.stringify(line)} after comment ${at}`).to.not.equal(-1);
          at = found + 1;
        }
      });
    }
  });

  describe('tcp_socket_server.js (AtomVM, the socket module)', function () {
    it('echoes each packet from a process of its own and prints each step as the original', async () => {
      const server = startExample('tcp_socket_server.js', ['0']);
      const socks: gen_tcp.socket[] = [];
      try {
        const [, port] = await server.waitFor(
          /^Listening on \{ok,#\{addr => \{0,0,0,0\},family => inet,port => (\d+)\}\}\.\nWaiting to accept connection\.\.\.\n/,
        );
        const a = await connect(Number(port));
        socks.push(a);
        const aPort = ok(await inet.port(a));
        expect(await gen_tcp.send(a, 'hello')).to.equal('ok');
        expect(String(await recvBytes(a, 5))).to.equal('hello');
        // The accepting process spawned the next acceptor: a second client is served at once.
        const b = await connect(Number(port));
        socks.push(b);
        const bPort = ok(await inet.port(b));
        expect(await gen_tcp.send(b, 'from b')).to.equal('ok');
        expect(String(await recvBytes(b, 6))).to.equal('from b');
        expect(await gen_tcp.send(a, 'world')).to.equal('ok');
        expect(String(await recvBytes(a, 5))).to.equal('world');
        await gen_tcp.close(b);
        await gen_tcp.close(a);
        const out = await server.until(
          (s) => s.split('An error occurred waiting on a connected socket: closed\n').length === 3,
          'both connections closed',
        );
        // ~p breaks a long term over lines as io:format does, where depends on the widths of the
        // port numbers: compare without white space here, and the exact text against erl below.
        const flat = out.replace(/\s+/g, '');
        const addr = (p: number | string): string => `{ok,#{addr=>{127,0,0,1},family=>inet,port=>${p}}}`;
        for (const [peer, data] of [
          [aPort, 'hello'],
          [aPort, 'world'],
          [bPort, 'fromb'],
        ] as const) {
          expect(flat).to.include(`Receiveddata<<"${data}">>from${addr(peer)}.Echoingback...Alldatawassent`);
        }
        for (const peer of [aPort, bPort]) {
          expect(flat).to.include(`Acceptedconnection.local:${addr(port ?? '')}peer:${addr(peer)}`);
        }
        expect(out.match(/^Waiting to accept connection\.\.\.$/gm)).to.have.length(3);
        expect(out.match(/^Waiting to receive data\.\.\.$/gm)).to.have.length(3 + 2);
        expect(await server.stop(), 'stderr').to.equal('');
      } finally {
        for (const s of socks) await gen_tcp.close(s);
        await server.stop();
      }
    });

    it('breaks long terms over lines exactly as erl does', function () {
      if (!erlangAvailable()) this.skip();
      // The lines the server printed for one connection, formatted by erl from the same terms.
      const local = '{ok,#{addr => {127,0,0,1},family => inet,port => 44404}}';
      const peer = '{ok,#{addr => {127,0,0,1},family => inet,port => 47058}}';
      const [accepted, received] = evalInErlang([
        `lists:flatten(io_lib:format("Accepted connection.  local: ~p peer: ~p~n", [${local}, ${peer}]))`,
        `lists:flatten(io_lib:format("Received data ~p from ~p.  Echoing back...~n", [<<"hello">>, ${peer}]))`,
      ]);
      const text = (o: typeof accepted): string =>
        o?.ok === true ? String.fromCodePoint(...(o.value as number[])) : `erl failed: ${JSON.stringify(o)}`;
      expect(text(accepted)).to.equal(
        'Accepted connection.  local: {ok,#{addr => {127,0,0,1},\n' +
          '                                   family => inet,port => 44404}} peer: {ok,\n' +
          '                                                                         #{addr =>\n' +
          '                                                                            {127,\n' +
          '                                                                             0,\n' +
          '                                                                             0,\n' +
          '                                                                             1},\n' +
          '                                                                           family =>\n' +
          '                                                                            inet,\n' +
          '                                                                           port =>\n' +
          '                                                                            47058}}\n',
      );
      expect(text(received)).to.equal(
        'Received data <<"hello">> from {ok,#{addr => {127,0,0,1},\n' +
          '                                     family => inet,port => 47058}}.  Echoing back...\n',
      );
    });
  });

  describe('proxy.js (jiangmiao/proxy, gen_tcp and bit syntax)', function () {
    /** The proxy on two free ports, once both servers listen. */
    async function startProxy(): Promise<{ proxy: Running; front: number; back: number }> {
      const [front, back] = [await freePort(), await freePort()];
      const proxy = startExample('proxy.js', [], { FRONT_PORT: String(front), BACK_PORT: String(back) });
      try {
        await proxy.until(
          (s) =>
            s.includes(`back listening on port ${back}\n`) &&
            s.includes(`front listening on port ${front}\n`),
          'both servers listening',
        );
      } catch (e) {
        await proxy.stop();
        throw e;
      }
      return { proxy, front, back };
    }

    /** An echo server in a process of its own, for one connection: its port, and how it ended. */
    async function echoServer(): Promise<[number, Promise<unknown>]> {
      const parent = self();
      const ended = run(async () => {
        const L = ok(await gen_tcp.listen(0, ['binary', ['active', false], ['ip', [127, 0, 0, 1]]]));
        send(parent, ['echo_port', ok(await inet.port(L))]);
        const S = ok(await gen_tcp.accept(L, 5000));
        await gen_tcp.close(L);
        for (;;) {
          const r = await gen_tcp.recv(S, 0, 5000);
          if (r[0] !== 'ok') {
            await gen_tcp.close(S);
            return r;
          }
          ok(await gen_tcp.send(S, r[1]));
        }
      });
      const port = await receive(
        on(['echo_port', is(is_integer)], ([, P]) => Number(P)),
        after(5000, () => 0),
      );
      expect(port, 'echo server port').to.be.greaterThan(0);
      return [port, ended];
    }

    /** The crash reports erlts prints for the relays' exit({error, ...}) (docs/DEVIATIONS.md). */
    function withoutRelayExits(stderr: string): string {
      return stderr.replace(
        /=ERROR REPORT==== [^\n]*\nError in process <0\.\d+\.\d+> with exit value:\n\{error,\{badmatch,\{error,closed\}\}\}\n\n/g,
        '',
      );
    }

    it('relays a SOCKS5 CONNECT to an IPv4 address both ways, through front and back', async () => {
      const { proxy, front } = await startProxy();
      const [target, ended] = await echoServer();
      const c = await connect(front);
      try {
        expect(await gen_tcp.send(c, bin`5, 1, 0`)).to.equal('ok');
        expect(await recvBytes(c, 2)).to.deep.equal(Buffer.from([5, 0]));
        expect(await gen_tcp.send(c, bin`5, 1, 0, 1, 127, 0, 0, 1, ${target}:16`)).to.equal('ok');
        expect(await recvBytes(c, 10)).to.deep.equal(Buffer.from([5, 0, 0, 1, 0, 0, 0, 0, 0, 0]));
        await proxy.waitFor(/^#Port<0\.\d+> \{127,0,0,1\}\.$/m);
        expect(await gen_tcp.send(c, 'hello')).to.equal('ok');
        expect(String(await recvBytes(c, 5))).to.equal('hello');
        // Chunks of up to 64 KiB go through flip twice and come back as they were.
        const big = Buffer.alloc(300_000);
        for (let i = 0; i < big.length; i++) big[i] = (i * 7) % 256;
        expect(await gen_tcp.send(c, big)).to.equal('ok');
        expect(Buffer.compare(await recvBytes(c, big.length), big)).to.equal(0);
      } finally {
        await gen_tcp.close(c);
      }
      expect(await ended).to.deep.equal(['error', 'closed']);
      // Each of the four relays (two per side) ends on {error, closed} and says so.
      const out = await proxy.until(
        (s) =>
          (s.match(/^Client: #Port<0\.\d+> error \{badmatch,\{error,closed\}\}\.$/gm) ?? []).length === 4,
        'four relays ending',
      );
      expect(out.split('\n').filter((l) => l !== '')).to.have.length(2 + 1 + 4);
      expect(withoutRelayExits(await proxy.stop()), 'stderr').to.equal('');
    });

    it('resolves a domain name (address type 3) with inet:getaddr', async () => {
      const { proxy, front } = await startProxy();
      const [target, ended] = await echoServer();
      const c = await connect(front);
      try {
        expect(await gen_tcp.send(c, bin`5, 1, 0`)).to.equal('ok');
        expect(await recvBytes(c, 2)).to.deep.equal(Buffer.from([5, 0]));
        expect(await gen_tcp.send(c, bin`5, 1, 0, 3, 9, "localhost", ${target}:16`)).to.equal('ok');
        expect(await recvBytes(c, 10)).to.deep.equal(Buffer.from([5, 0, 0, 1, 0, 0, 0, 0, 0, 0]));
        expect(await gen_tcp.send(c, 'by name')).to.equal('ok');
        expect(String(await recvBytes(c, 7))).to.equal('by name');
      } finally {
        await gen_tcp.close(c);
      }
      expect(await ended).to.deep.equal(['error', 'closed']);
      await proxy.waitFor(/^#Port<0\.\d+> "localhost"\.$/m);
      await proxy.until((s) => (s.match(/^Client: /gm) ?? []).length === 4, 'four relays ending');
      expect(withoutRelayExits(await proxy.stop()), 'stderr').to.equal('');
    });

    it('the back answers the password flipped (each byte XOR 16#66) and closes on a wrong one', async () => {
      const { proxy, front, back } = await startProxy();
      const flip = (s: string): Buffer => Buffer.from([...Buffer.from(s)].map((x) => x ^ 0x66));
      const good = await connect(back);
      const bad = await connect(back);
      try {
        expect(await gen_tcp.send(good, flip('abcd1234'))).to.equal('ok');
        expect(await recvBytes(good, 2)).to.deep.equal(flip('ok'));
        // {ok, <<"abcd1234">>} = flip_recv(Front, 8) fails: catch _:_ -> gen_tcp:close(Front).
        expect(await gen_tcp.send(bad, flip('abcd1235'))).to.equal('ok');
        expect(await gen_tcp.recv(bad, 0, 5000)).to.deep.equal(['error', 'closed']);
      } finally {
        await gen_tcp.close(good);
        await gen_tcp.close(bad);
      }
      expect(
        proxy
          .stdout()
          .split('\n')
          .filter((l) => l !== '')
          .sort(),
      ).to.deep.equal([`back listening on port ${back}`, `front listening on port ${front}`]);
      expect(await proxy.stop(), 'stderr').to.equal('');
    });

    it('takes a real Erlang SOCKS5 client', async function () {
      if (!erlangAvailable()) this.skip();
      const { proxy, front } = await startProxy();
      const [target, ended] = await echoServer();
      try {
        const client = [
          `{ok, S} = gen_tcp:connect({127,0,0,1}, ${front}, [binary, {active, false}]),`,
          'ok = gen_tcp:send(S, <<5, 1, 0>>),',
          '{ok, <<5, 0>>} = gen_tcp:recv(S, 2, 5000),',
          `ok = gen_tcp:send(S, <<5, 1, 0, 1, 127, 0, 0, 1, ${target}:16>>),`,
          '{ok, <<5, 0, 0, 1, 0:48>>} = gen_tcp:recv(S, 10, 5000),',
          'ok = gen_tcp:send(S, <<"from erl">>),',
          '{ok, Echo} = gen_tcp:recv(S, 8, 5000),',
          'io:format("~p~n", [Echo]),',
          'ok = gen_tcp:close(S),',
          'halt().',
        ].join(' ');
        const out = await new Promise<string>((resolve, reject) => {
          execFile('erl', ['-noshell', '-eval', client], { timeout: 10_000 }, (error, stdout, stderr) => {
            if (error) reject(new Error(`erl client failed: ${error.message}\n${stdout}${stderr}`));
            else resolve(stdout);
          });
        });
        expect(out).to.equal('<<"from erl">>\n');
        expect(await ended).to.deep.equal(['error', 'closed']);
        await proxy.until((s) => (s.match(/^Client: /gm) ?? []).length === 4, 'four relays ending');
      } finally {
        expect(withoutRelayExits(await proxy.stop()), 'stderr').to.equal('');
      }
    });
  });

  describe('http_server.js (AtomVM, gen_tcp in list mode)', function () {
    /** The server with its added hello_handler on a free port, once it listens. */
    async function startHttp(): Promise<{ server: Running; port: number }> {
      const port = await freePort();
      const server = startExample('http_server.js', [String(port)]);
      try {
        await server.waitFor(
          new RegExp(`^http_server listening on port ${port}, acceptor <0\\.\\d+\\.\\d+>\\n`),
        );
      } catch (e) {
        await server.stop();
        throw e;
      }
      return { server, port };
    }

    /** Sends `pieces` as separate packets and returns all the server answers. */
    async function request(port: number, ...pieces: string[]): Promise<string> {
      const s = await connect(port);
      try {
        for (const [i, piece] of pieces.entries()) {
          // A pause, so each piece is a packet of its own (the parser's need_more state).
          if (i > 0) await timer.sleep(50);
          expect(await gen_tcp.send(s, piece)).to.equal('ok');
        }
        return (await recvAll(s)).toString('latin1');
      } finally {
        await gen_tcp.close(s);
      }
    }

    const head = (status: string): string =>
      `HTTP/1.1 ${status}\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n`;

    it('routes requests to the handler and sends its replies, closing each connection', async () => {
      const { server, port } = await startHttp();
      try {
        expect(await request(port, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n')).to.equal(
          head('200 OK') + '<h1>hello</h1>',
        );
        expect(await request(port, 'GET /echo/abc HTTP/1.1\r\nHost: x\r\n\r\n')).to.equal(
          head('200 OK') + 'you said abc',
        );
        // A request split over two packets: need_more carries the parser's state over.
        expect(await request(port, 'GET /echo/split HTTP/1.1\r\nHo', 'st: x\r\n\r\n')).to.equal(
          head('200 OK') + 'you said split',
        );
        expect(await request(port, 'GET /nope/x/y HTTP/1.1\r\n\r\n')).to.equal(
          head('404 NotOK') + '<html><body><h1>Not Found</h1></body></html>',
        );
        await server.waitFor(/^Method: "GET" Path: \["nope","x","y"\]$/m);
      } finally {
        expect(await server.stop(), 'stderr').to.equal('');
      }
    });

    it('decodes a form body with parse_query_string (+, %XX, pairs)', async () => {
      const { server, port } = await startHttp();
      try {
        expect(await request(port, 'POST /form HTTP/1.1\r\nHost: x\r\n\r\na=1&b=hello+w%21rld')).to.equal(
          head('200 OK') + '[{"b","hello w!rld"},{"a","1"}]',
        );
      } finally {
        expect(await server.stop(), 'stderr').to.equal('');
      }
    });

    it('consumes what it cannot parse, showing each character with erlang:display', async () => {
      const { server, port } = await startHttp();
      try {
        const s = await connect(port);
        expect(await gen_tcp.send(s, 'GET / HTTP/1.1\rXY')).to.equal('ok');
        await server.waitFor(/\{consume,"X"\}\n\{consume,"Y"\}\n$/);
        // The connection waits for more, which never parses; the client gives up.
        await gen_tcp.close(s);
      } finally {
        expect(await server.stop(), 'stderr').to.equal('');
      }
    });

    it('parse_query_string/1 gives the pairs last first, and function_clause for a key without a value', () => {
      const codes = (s: string): number[] => [...Buffer.from(s)];
      expect(parse_query_string(list(...codes('x=%41%62c&y=')))).to.deep.equal(
        list([list(...codes('y')), list()], [list(...codes('x')), list(...codes('Abc'))]),
      );
      expect(() => parse_query_string(list(...codes('x'))))
        .to.throw(ErlangError)
        .with.property('reason', 'function_clause');
    });

    it('answers as the Erlang original does under erl, request for request', async function () {
      if (!erlangAvailable()) this.skip();
      const dir = mkdtempSync(join(tmpdir(), 'erlts-ported-'));
      const erlPort = await freePort();
      let erl: Running | null = null;
      const { server, port } = await startHttp();
      try {
        const compiled = spawnSync(
          'erlc',
          ['-o', dir, join(fixtures, 'http_server.erl'), join(fixtures, 'hello_handler.erl')],
          { encoding: 'utf8' },
        );
        expect(compiled.status, compiled.stderr).to.equal(0);
        erl = start('erl', [
          '-noshell',
          '-pa',
          dir,
          '-eval',
          `http_server:start_server(${erlPort}, [{"*", hello_handler, []}]), io:format("ready~n"), receive stop -> ok end.`,
        ]);
        await erl.waitFor(/^ready\n/);
        for (const pieces of [
          ['GET / HTTP/1.1\r\nHost: x\r\n\r\n'],
          ['GET /echo/%20 HTTP/1.1\r\n\r\n'],
          ['GET /a/b/c/ HTTP/1.1\r\nX: y\r\n\r\n'],
          ['GET /echo/two HTTP/1.1\r\n', 'Host: x\r\n\r\n'],
          ['POST /form HTTP/1.1\r\n\r\nk=v%3D1&q=a+b'],
        ]) {
          expect(await request(port, ...pieces), JSON.stringify(pieces)).to.equal(
            await request(erlPort, ...pieces),
          );
        }
        const printed = (out: string): string => out.replace(/^(ready|http_server listening on .*)\n/m, '');
        expect(printed(server.stdout())).to.equal(printed(erl.stdout()));
      } finally {
        await erl?.stop();
        rmSync(dir, { recursive: true, force: true });
        expect(await server.stop(), 'stderr').to.equal('');
      }
    });
  });
});
