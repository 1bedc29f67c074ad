/**
 * Every example runs as a user runs it — `node examples/<name>.js` against the
 * built package — and prints what it promises, so the examples cannot rot. The
 * servers (echo, chat) run as child processes on a port the system picks, and
 * the tests talk to them over real loopback sockets with erlts's own gen_tcp and gen_udp.
 */
import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as gen_tcp from 'erlts/gen_tcp';
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { ok, timer } from 'erlts';
import { type Running, runExample as runExampleIn, startChild } from './support/child.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function runExample(name: string, args: readonly string[] = []): Promise<{ stdout: string; stderr: string }> {
  return runExampleIn(root, name, args);
}

/** A server example running as a child process until `stop()`, with the port it listens on. */
interface RunningExample extends Running {
  port: number;
}

/** Starts a server example (`node ...nodeArgs name ...args`) and waits for its `listening on port N` line. */
async function startExample(
  name: string,
  args: readonly string[],
  env: Record<string, string> = {},
  nodeArgs: readonly string[] = [],
): Promise<RunningExample> {
  const child = startChild(process.execPath, [...nodeArgs, join(root, 'examples', name), ...args], {
    cwd: root,
    env,
    name,
  });
  try {
    const [, port] = await child.waitFor(/listening on port (\d+)\n/);
    return { ...child, port: Number(port) };
  } catch (e) {
    await child.stop();
    throw e;
  }
}

/** `s` as a regular expression matching exactly `s`. */
function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The next line (or packet) a passive binary socket receives, as text. */
async function recvText(s: gen_tcp.socket, length = 0): Promise<string> {
  return String(ok(await gen_tcp.recv(s, length, 2000)));
}

/**
 * What the acceptor pool prints (acceptor_pool.js and its fp-ts twin): 3 acceptors answer 5
 * clients, then leave when the listen socket closes.
 */
function expectAcceptorPool({ stdout, stderr }: { stdout: string; stderr: string }): void {
  const lines = stdout.split('\n');
  expect(lines.pop()).to.equal('');
  expect(lines[0]).to.match(/^3 acceptors listening on port [1-9]\d*$/);
  expect(lines.filter((l) => l.startsWith('client('))).to.deep.equal([
    'client(Port, "hello") -> {ok,"HELLO"}',
    'client(Port, "one port, many acceptors") -> {ok,"ONE PORT, MANY ACCEPTORS"}',
    'client(Port, "active once") -> {ok,"ACTIVE ONCE"}',
    'client(Port, "packet 2") -> {ok,"PACKET 2"}',
    'client(Port, "goodbye") -> {ok,"GOODBYE"}',
  ]);
  // Each connection ends with the acceptor that served it noticing {tcp_closed, S}.
  const servedBy = lines.flatMap(
    (l) => /^Socket #Port<0\.\d+> closed \[(<0\.\d+\.\d+>)\]$/.exec(l)?.[1] ?? [],
  );
  expect(servedBy).to.have.length(5);
  expect(new Set(servedBy).size).to.be.within(1, 3);
  expect(lines.filter((l) => l === 'accept returned {error,closed} - goodbye!')).to.have.length(3);
  expect(lines).to.have.length(1 + 5 + 5 + 3);
  expect(stderr).to.equal('');
}

describe('examples', function () {
  this.timeout(15_000);

  before(function () {
    if (!existsSync(join(root, 'dist', 'runtime', 'index.js'))) {
      throw new Error(
        'dist/ is missing: examples run the built package; run `npm run build` (npm test does)',
      );
    }
  });

  it('ping_pong.js prints the tut15 exchange', async () => {
    const { stdout, stderr } = await runExample('ping_pong.js');
    expect(stdout).to.equal(
      'Pong received ping\nPing received pong\n'.repeat(3) + 'ping finished\nPong finished\n',
    );
    expect(stderr).to.equal('');
  });

  it('counter_server.js answers calls matched on fresh refs', async () => {
    const { stdout } = await runExample('counter_server.js');
    expect(stdout).to.equal('counter is 3\n');
  });

  it('supervisor.js restarts a crashing worker until it finishes', async () => {
    const { stdout, stderr } = await runExample('supervisor.js');
    expect(stdout).to.match(
      /^worker <0\.\d+\.\d+> died: \{failed_attempt,1\}, restarting\nworker <0\.\d+\.\d+> died: \{failed_attempt,2\}, restarting\nworker finished on attempt 3\nworker done\n$/,
    );
    expect(stderr).to.equal('');
  });

  it('tour.js, the README quick tour, prints the pong and the trapped exit', async () => {
    const { stdout, stderr } = await runExample('tour.js');
    expect(stdout).to.match(/^got pong from <0\.\d+\.\d+>\n<0\.\d+\.\d+> exited: boom\n$/);
    expect(stderr).to.equal('');
  });

  it('tcp_client_server.js: the server returns the binary the client sent', async () => {
    const { stdout, stderr } = await runExample('tcp_client_server.js');
    const m = stdout.match(
      /^server listening on port (\d+)\nclient sent "Some Data" and closed its socket\nserver returned <<"Some Data">>\n$/,
    );
    expect(m, stdout).to.not.equal(null);
    expect(Number(m?.[1])).to.be.greaterThan(0);
    expect(stderr).to.equal('');
  });

  it('socket_client_server.js: the socket manual page client gets its <<"hello">> back from the server', async () => {
    const { stdout, stderr } = await runExample('socket_client_server.js');
    const m = stdout.match(
      /^server listening on port (\d+)\nclient\(\{127,0,0,1\}, \1\) -> ok\nserver\(loopback, 0\) -> ok\n$/,
    );
    expect(m, stdout).to.not.equal(null);
    expect(Number(m?.[1])).to.be.greaterThan(0);
    expect(stderr).to.equal('');
  });

  it('socket_client_server.js runs the server and the client as two commands', async () => {
    const server = await startExample('socket_client_server.js', ['server', '127.0.0.1', '0']);
    try {
      const { stdout, stderr } = await runExample('socket_client_server.js', [
        'client',
        '127.0.0.1',
        String(server.port),
      ]);
      expect(stdout).to.equal(`client({127,0,0,1}, ${server.port}) -> ok\n`);
      expect(stderr).to.equal('');
      // The server serves one client and returns.
      await server.waitFor(/^server listening on port \d+\nserver\(\{127,0,0,1\}, 0\) -> ok\n$/);
      expect(await server.stop(), 'stderr').to.equal('');
    } finally {
      await server.stop();
    }
  });

  it('socket_nowait.js: recv nowait answers select, the select message leads to the data, and a close by another process aborts', async () => {
    const { stdout, stderr } = await runExample('socket_nowait.js');
    const lines = stdout.split('\n');
    expect(lines.pop()).to.equal('');
    expect(lines.shift()).to.match(/^listening on port [1-9]\d*$/);
    // The reader's steps, in order; its lines and the demo's interleave as they happen.
    const ref = '(#Ref<[\\d.]+>)';
    const sock = "(\\{'\\$socket',#Ref<[\\d.]+>\\})";
    const selectInfo = new RegExp(
      `^reader: recv\\(Sock, 0, nowait\\) -> \\{select,\\{select_info,recv,${ref}\\}\\}$`,
    );
    const selected = new RegExp(`^reader: got \\{'\\$socket',${sock},select,${ref}\\}$`);
    const aborted = new RegExp(`^reader: got \\{'\\$socket',${sock},abort,\\{${ref},closed\\}\\}$`);
    const reader = lines.filter((l) => l.startsWith('reader:'));
    expect(reader, stdout).to.have.length(8);
    const handles: string[] = [];
    const socks = new Set<string>();
    for (const [i, data] of ['hello', 'nowait world'].entries()) {
      const info = selectInfo.exec(reader[3 * i] ?? '');
      const got = selected.exec(reader[3 * i + 1] ?? '');
      expect(info, stdout).to.not.equal(null);
      expect(got, stdout).to.not.equal(null);
      // The select message carries the SelectHandle of the select_info before it.
      expect(got?.[2]).to.equal(info?.[1]);
      handles.push(info?.[1] ?? '');
      socks.add(got?.[1] ?? '');
      expect(reader[3 * i + 2]).to.equal(`reader: recv(Sock, 0, nowait) -> {ok,<<"${data}">>}, echoing it`);
    }
    const last = selectInfo.exec(reader[6] ?? '');
    const abort = aborted.exec(reader[7] ?? '');
    expect(last, stdout).to.not.equal(null);
    expect(abort, stdout).to.not.equal(null);
    expect(abort?.[2]).to.equal(last?.[1]);
    handles.push(last?.[1] ?? '');
    socks.add(abort?.[1] ?? '');
    expect(new Set(handles).size, 'a fresh handle for each nowait call').to.equal(3);
    expect(socks.size, 'one socket').to.equal(1);
    expect(lines.filter((l) => !l.startsWith('reader:'))).to.deep.equal([
      'client: sent <<"hello">>, got it back',
      'client: sent <<"nowait world">>, got it back',
      'demo: socket:close(Sock) -> ok',
      'reader(Sock) -> {aborted,closed}',
    ]);
    expect(stderr).to.equal('');
  });

  it('udp_echo.js: each datagram comes back upper-cased from the server address, and a close by another process ends the server', async () => {
    const { stdout, stderr } = await runExample('udp_echo.js');
    const lines = stdout.split('\n');
    expect(lines.pop(), 'a final newline').to.equal('');
    expect(lines.shift()).to.match(/^echo server on port [1-9]\d*$/);
    expect(lines).to.deep.equal([
      'client: sent <<"hello">>, got <<"HELLO">>',
      'client: sent <<"each datagram comes back whole">>, got <<"EACH DATAGRAM COMES BACK WHOLE">>',
      'client: sent <<"bye">>, got <<"BYE">>',
      'demo: socket:close(SSock) -> ok',
      'server(SSock) -> {error,closed}',
    ]);
    expect(stderr).to.equal('');
  });
  it('acceptor_pool.js: 3 acceptors answer 5 clients, then leave when the listen socket closes', async () => {
    expectAcceptorPool(await runExample('acceptor_pool.js'));
  });

  it('fp_acceptor_pool.js: the acceptor pool in TaskEithers prints what acceptor_pool.js prints', async () => {
    expectAcceptorPool(await runExample('fp_acceptor_pool.js'));
  });

  it('send_timeout.js: a send to a peer that stopped reading gives {error, timeout} after send_timeout', async () => {
    const { stdout, stderr } = await runExample('send_timeout.js', ['300']);
    const m = stdout.match(
      /^server listening on port \d+, never reading\nSend timeout, closing!\n(\d+) KiB sent in (\d+) binaries, then \{error_sending,timeout\} after (\d+) ms \(send_timeout 300\)\n$/,
    );
    expect(m, stdout).to.not.equal(null);
    const [, kib, binaries, waited] = (m ?? []).map(Number);
    // The kernel's buffers took some binaries before the socket's queue filled up.
    expect(binaries).to.be.greaterThan(0);
    expect(kib).to.equal(binaries! * 32);
    expect(waited).to.be.within(295, 2300);
    expect(stderr).to.equal('');
  });

  it('echo_server.js echoes each connection from a process of its own', async () => {
    const server = await startExample('echo_server.js', ['0']);
    const socks: gen_tcp.socket[] = [];
    try {
      const connect = async (): Promise<gen_tcp.socket> => {
        const s = ok(await gen_tcp.connect('localhost', server.port, ['binary', ['active', false]], 2000));
        socks.push(s);
        return s;
      };
      const a = await connect();
      const b = await connect();
      // b is served while a sits idle.
      expect(await gen_tcp.send(b, 'hello from b\n')).to.equal('ok');
      expect(await recvText(b, 13)).to.equal('hello from b\n');
      expect(await gen_tcp.send(a, 'hello from a\n')).to.equal('ok');
      expect(await recvText(a, 13)).to.equal('hello from a\n');
      // A megabyte comes back whole and in order, {active, once} at a time.
      const big = Buffer.alloc(1 << 20, 0);
      for (let i = 0; i < big.length; i++) big[i] = i % 251;
      expect(await gen_tcp.send(a, big)).to.equal('ok');
      const back = ok(await gen_tcp.recv(a, big.length, 5000)) as Buffer;
      expect(Buffer.compare(back, big)).to.equal(0);
      // The server names the process serving each client, and sees each one close.
      const serving = async (s: gen_tcp.socket): Promise<string> => {
        const port = ok(await inet.port(s));
        const [, pid] = await server.waitFor(
          new RegExp(`(<0\\.\\d+\\.\\d+>) serves 127\\.0\\.0\\.1:${port}\\n`),
        );
        return pid!;
      };
      const pa = await serving(a);
      const pb = await serving(b);
      expect(pa).to.not.equal(pb);
      for (const [s, pid] of [
        [a, pa],
        [b, pb],
      ] as const) {
        await gen_tcp.close(s);
        await server.waitFor(new RegExp(`${escapeRegExp(pid)}: connection closed\\n`));
      }
      for (const s of socks) await gen_tcp.close(s);
      expect(await server.stop(), 'stderr').to.equal('');
    } finally {
      for (const s of socks) await gen_tcp.close(s);
      await server.stop();
    }
  });

  it('udp_syslog.js prints each datagram with its facility and severity, and answers stats with the counts', async () => {
    const server = await startExample('udp_syslog.js', ['0']);
    let sock: gen_udp.socket | undefined;
    try {
      sock = ok(await gen_udp.open(0, ['binary', ['active', false], ['ip', [127, 0, 0, 1]]]));
      const me = ok(await inet.port(sock));
      // More datagrams than the collector's {active, 10}: it re-arms on {udp_passive, Sock}.
      const sent: [string, string][] = [
        ['<34>Oct 11 22:14:15 mymachine su: hello\n', 'auth.crit: Oct 11 22:14:15 mymachine su: hello'],
        [
          '<165>1 2003-08-24T05:14:15Z host app 8710 - - hi',
          'local4.notice: 1 2003-08-24T05:14:15Z host app 8710 - - hi',
        ],
        ['<0>kernel panic\r\n', 'kern.emerg: kernel panic'],
        ['<191>the last PRI there is', 'local7.debug: the last PRI there is'],
        // No PRI, or a malformed one: the whole datagram is user.notice's (RFC 3164, 4.3.3).
        ['no PRI at all', 'user.notice: no PRI at all'],
        ['<192>out of range', 'user.notice: <192>out of range'],
        ['<x>not a number', 'user.notice: <x>not a number'],
        ['<13', 'user.notice: <13'],
        ...[1, 2, 3, 4].map((i): [string, string] => [`<14>info ${i}`, `user.info: info ${i}`]),
      ];
      for (const [datagram] of sent) {
        expect(await gen_udp.send(sock, [127, 0, 0, 1], server.port, datagram)).to.equal('ok');
      }
      const expected =
        `syslog collector listening on port ${server.port}\n` +
        sent.map(([, line]) => `127.0.0.1:${me} ${line}\n`).join('');
      await server.until((out) => out.length >= expected.length, `${sent.length} lines`);
      expect(server.stdout()).to.equal(expected);
      // The reply comes from the collector's port, to this socket's.
      expect(await gen_udp.send(sock, [127, 0, 0, 1], server.port, 'stats\n')).to.equal('ok');
      const [ip, port, reply] = ok(await gen_udp.recv(sock, 0, 2000));
      expect([ip, port]).to.deep.equal([[127, 0, 0, 1], server.port]);
      expect(String(reply)).to.equal('#{crit => 1,debug => 1,emerg => 1,info => 4,notice => 5}\n');
      // stats is no message: nothing more is printed.
      await timer.sleep(100);
      expect(server.stdout()).to.equal(expected);
      expect(await server.stop(), 'stderr').to.equal('');
    } finally {
      if (sock !== undefined) await gen_udp.close(sock);
      await server.stop();
    }
  });

  it('chat_server.js passes each line to every other client, and tells who joins and leaves', async () => {
    const server = await startExample('chat_server.js', [], { PORT: '0' });
    const socks: gen_tcp.socket[] = [];
    try {
      const join = async (nameLine: string): Promise<gen_tcp.socket> => {
        const s = ok(
          await gen_tcp.connect(
            'localhost',
            server.port,
            ['binary', ['packet', 'line'], ['active', false]],
            2000,
          ),
        );
        socks.push(s);
        expect(await recvText(s)).to.equal('Your name?\n');
        expect(await gen_tcp.send(s, nameLine)).to.equal('ok');
        return s;
      };
      const alice = await join('alice\n');
      expect(await recvText(alice)).to.equal('* alice joined\n');
      const bob = await join('bob\n');
      for (const s of [alice, bob]) expect(await recvText(s)).to.equal('* bob joined\n');
      const carol = await join('carol\r\n'); // as telnet and nc -C send it
      for (const s of [alice, bob, carol]) expect(await recvText(s)).to.equal('* carol joined\n');

      expect(await gen_tcp.send(alice, 'hello everyone\n')).to.equal('ok');
      for (const s of [bob, carol]) expect(await recvText(s)).to.equal('alice: hello everyone\n');
      // A line sent in two pieces arrives as one ({packet, line}).
      expect(await gen_tcp.send(bob, 'hi ')).to.equal('ok');
      await timer.sleep(50);
      expect(await gen_tcp.send(bob, 'alice\n')).to.equal('ok');
      // alice's next line is bob's, not her own: nobody hears themselves.
      for (const s of [alice, carol]) expect(await recvText(s)).to.equal('bob: hi alice\n');
      expect(await gen_tcp.send(carol, 'bye\n')).to.equal('ok');
      for (const s of [alice, bob]) expect(await recvText(s)).to.equal('carol: bye\n');

      await gen_tcp.close(carol);
      for (const s of [alice, bob]) expect(await recvText(s)).to.equal('* carol left\n');
      await server.waitFor(
        /^chat server listening on port \d+\nalice joined\nbob joined\ncarol joined\ncarol left\n$/,
      );
      for (const s of socks) await gen_tcp.close(s);
      expect(await server.stop(), 'stderr').to.equal('');
    } finally {
      for (const s of socks) await gen_tcp.close(s);
      await server.stop();
    }
  });

  it('chat_server.js runs in constant memory: 100,000 lines through it in a 40 MB heap', async function () {
    // Every line passes through three recursive receive loops of the server, each turn a
    // tail call: the sender's client(Sock, Room), room(Members), and the receiver's
    // client(Sock, Room). The server's live heap stays near 10.5 MB. Kept level by level — the
    // runtime before tail calls, or the loops written `return await receive(...)` — they cost
    // about 2 KB a line, and a 24 MB heap ran out after some 6,500 lines (3,400 for the
    // awaiting shape): the server died with "JavaScript heap out of memory". 40 MB leaves the
    // constant server room on every Node (one run of 24 MB on Node 24 under load failed), and
    // a leak of that size still runs out within the first 20,000 lines.
    this.timeout(30_000);
    const lines = 100_000;
    const batch = 1000; // lines per send; the sender keeps at most two batches in flight
    const server = await startExample('chat_server.js', [], { PORT: '0' }, ['--max-old-space-size=40']);
    const socks: gen_tcp.socket[] = [];
    try {
      const connect = async (packet: 'line' | 'raw'): Promise<gen_tcp.socket> => {
        const opts: gen_tcp.connect_option[] = ['binary', ['packet', packet], ['active', false]];
        const s = ok(await gen_tcp.connect('localhost', server.port, opts, 2000));
        socks.push(s);
        return s;
      };
      const alice = await connect('line');
      expect(await recvText(alice)).to.equal('Your name?\n');
      expect(await gen_tcp.send(alice, 'alice\n')).to.equal('ok');
      expect(await recvText(alice)).to.equal('* alice joined\n');
      // bob reads raw chunks, splits them into lines and checks each as it comes.
      const bob = await connect('raw');
      expect(await recvText(bob)).to.equal('Your name?\n');
      expect(await gen_tcp.send(bob, 'bob\n')).to.equal('ok');
      expect(await recvText(alice)).to.equal('* bob joined\n');
      // What bob hears: '* bob joined', then alice's lines in order.
      const expected = (k: number): string => (k === 0 ? '* bob joined' : `alice: line ${k - 1}`);
      let heard = 0;
      let partial = '';
      const hearUntil = async (n: number): Promise<void> => {
        while (heard < n + 1) {
          const got = (partial + String(ok(await gen_tcp.recv(bob, 0, 5000)))).split('\n');
          partial = got.pop()!; // the start of a line still to come, or ''
          for (const line of got) expect(line).to.equal(expected(heard++));
        }
      };
      for (let sent = 0; sent < lines; sent += batch) {
        let text = '';
        for (let i = sent; i < sent + batch; i++) text += `line ${i}\n`;
        expect(await gen_tcp.send(alice, text)).to.equal('ok');
        await hearUntil(sent);
      }
      await hearUntil(lines);
      expect(heard).to.equal(lines + 1);
      expect(partial).to.equal('');
      for (const s of socks) await gen_tcp.close(s);
      await server.waitFor(/^chat server listening on port \d+\nalice joined\nbob joined\n(\w+ left\n){2}$/);
      expect(await server.stop(), 'stderr').to.equal('');
    } catch (e) {
      throw new Error(
        `${e instanceof Error ? e.message : String(e)}\nchat_server.js's stderr:\n${await server.stop()}`,
        {
          cause: e,
        },
      );
    } finally {
      for (const s of socks) await gen_tcp.close(s);
      await server.stop();
    }
  });
});
