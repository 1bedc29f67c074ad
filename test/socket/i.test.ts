/** socket:i/0,1,2: the table of sockets, its columns, filters and keys, as OTP 25 prints it. */
import { expect } from 'chai';
import { ErlangError, self } from 'erlts';
import * as socket from 'erlts/socket';
import { setDeviceWriter } from '../../runtime/internal/io.js';
import { closeAll, ok, pair, listening } from '../support/socket-pairs.js';
import { formatSockaddr, formatStates, parseServices } from '../../socket/internal/i.js';

type S = socket.Socket;

// Untyped: the tests give i/0,1,2 what OTP's clauses refuse, too.
const i = socket.i as (...args: unknown[]) => Promise<'ok'>;

/** What i printed to standard_io, line by line (each line keeps its trailing space). */
async function printed(call: () => Promise<'ok'>): Promise<string[]> {
  let out = '';
  const old = setDeviceWriter('standard_io', (text) => (out += text));
  try {
    expect(await call()).to.equal('ok');
  } finally {
    setDeviceWriter('standard_io', old);
  }
  expect(out === '' || out.endsWith('\n')).to.equal(true);
  return out === '' ? [] : out.slice(0, -1).split('\n');
}

/** Splits a table into cells at the columns the header's names start at. */
function cells(lines: string[], names: string[]): string[][] {
  const header = lines[0] ?? '';
  const starts = names.map((name) => header.indexOf(`${name} `));
  expect(starts.every((s, k) => s >= 0 && (k === 0 || s > (starts[k - 1] ?? 0)))).to.equal(true);
  return lines.map((line) => starts.map((s, k) => line.slice(s, starts[k + 1] ?? line.length).trimEnd()));
}

/** `localhost:Port`, or `localhost:Name (Port)` when the services file names the port. */
function localhost(port: number): RegExp {
  return new RegExp(`^localhost:(${port}|\\S+ \\(${port}\\))$`);
}

const DEFAULT_HEADER = [
  'Domain',
  'Type',
  'Protocol',
  'Fd',
  'Owner',
  'Local Address',
  'Remote Address',
  'Recv',
  'Sent',
  'State',
];

describe('socket:i', () => {
  it('prints nothing, not even the header, when no socket is chosen', async () => {
    const s = ok(await socket.open('inet', 'stream', 'tcp'));
    try {
      expect(await printed(() => i('seqpacket'))).to.deep.equal([]);
      expect(await printed(() => i('sctp', ['domain']))).to.deep.equal([]);
    } finally {
      await closeAll(s);
    }
  });

  it('prints the default columns, each as wide as its widest cell and one space', async () => {
    const [c, a, ls] = await pair();
    try {
      expect(await socket.send(c, 'hello')).to.equal('ok');
      expect(String(ok(await socket.recv(a, 5, 1000)))).to.equal('hello');
      const lines = await printed(() => i());
      expect(lines[0]).to.match(
        /^Domain +Type +Protocol +Fd +Owner +Local Address +Remote Address +Recv +Sent +State +$/,
      );
      // The sockets of this test are the only ones open.
      expect(lines).to.have.length(4);
      // Every cell is padded to its column's width and followed by one space...
      expect(new Set(lines.map((l) => l.length)).size).to.equal(1);
      const table = cells(lines, DEFAULT_HEADER);
      const starts = DEFAULT_HEADER.map((name) => (lines[0] ?? '').indexOf(`${name} `));
      for (const s of starts.slice(1)) expect(lines.every((l) => l[s - 1] === ' ')).to.equal(true);
      // ...and no column is wider than its widest cell.
      for (const [k, s] of [...starts.slice(1), (lines[0] ?? '').length].entries()) {
        const width = Math.max(...table.map((row) => row[k]?.length ?? 0));
        expect(s - (starts[k] ?? 0), `column ${DEFAULT_HEADER[k]}`).to.equal(width + 1);
      }
      const port = (ok(await socket.sockname(ls)) as { port: number }).port;
      const cport = (ok(await socket.sockname(c)) as { port: number }).port;
      const rows = table.slice(1);
      const lrow = rows.find((row) => row[6] === '');
      const crow = rows.find((row) => localhost(cport).test(row[5] ?? ''));
      const arow = rows.find((row) => localhost(cport).test(row[6] ?? ''));
      expect(lrow?.[5]).to.match(localhost(port));
      for (const row of [lrow, crow, arow]) {
        expect(row?.slice(0, 3)).to.deep.equal(['inet', 'STREAM', 'TCP']);
        // No fd while getopt(S, {otp, fd}) answers an error: OTP prints a blank then.
        expect(row?.[3]).to.match(/^\d*$/);
        expect(row?.[4]).to.equal(String(self()));
      }
      expect(crow?.[6]).to.match(localhost(port));
      expect(arow?.[5]).to.match(localhost(port));
      expect([crow?.[7], crow?.[8]]).to.deep.equal(['0', '5']);
      expect([arow?.[7], arow?.[8]]).to.deep.equal(['5', '0']);
    } finally {
      await closeAll(c, a, ls);
    }
  });

  it('prints the states of a listening, a connected and an accepted socket from their info', async () => {
    const [ls0] = await listening();
    let c: S | undefined;
    let a: S | undefined;
    try {
      const before = cells(await printed(() => i(['state'])), ['State']);
      expect(before[1]?.[0]).to.match(/LG, -$/);
      const port = (ok(await socket.sockname(ls0)) as { port: number }).port;
      c = ok(await socket.open('inet', 'stream', 'tcp'));
      expect(await socket.connect(c, { family: 'inet', addr: 'loopback', port })).to.equal('ok');
      a = ok(await socket.accept(ls0, 1000));
      const lines = await printed(() => i(['state']));
      const all = socket.which_sockets();
      // One row per socket, in which_sockets' order, each its info's states abbreviated.
      expect(lines.slice(1).map((l) => l.trimEnd())).to.deep.equal(
        all.map((s) => {
          const info = socket.info(s) as { rstates: unknown[]; wstates: unknown[] };
          return formatStates(info.rstates, info.wstates).trimEnd();
        }),
      );
      const state = (s: S): string => lines[all.indexOf(s) + 1] ?? '';
      expect(state(ls0)).to.match(/^BD:LG|^LG/);
      expect(state(c)).to.match(/CD/);
    } finally {
      await closeAll(...[c, a, ls0].filter((s): s is S => s !== undefined));
    }
  });

  it('chooses sockets by domain, type or protocol', async () => {
    const [c, a, ls] = await pair();
    const v6 = ok(await socket.open('inet6', 'stream', 'tcp'));
    const u = ok(await socket.open('inet', 'dgram', 'udp'));
    try {
      const rows = async (filter: string): Promise<string[]> =>
        (await printed(() => i(filter, ['domain', 'type', 'protocol']))).slice(1).map((l) => l.trimEnd());
      expect(await rows('inet6')).to.deep.equal(['inet6  STREAM TCP']);
      expect(await rows('dgram')).to.deep.equal(['inet   DGRAM UDP']);
      expect(await rows('udp')).to.deep.equal(['inet   DGRAM UDP']);
      expect(await rows('stream')).to.have.length(4);
      expect(await rows('tcp')).to.have.length(4);
      expect(await rows('inet')).to.have.length(4);
      expect(await rows('local')).to.deep.equal([]);
      // i/1 with a filter prints the default columns.
      const lines = await printed(() => i('inet6'));
      expect(lines).to.have.length(2);
      const row = cells(lines, DEFAULT_HEADER)[1] ?? [];
      expect([...row.slice(0, 3), ...row.slice(4, 7)]).to.deep.equal([
        'inet6',
        'STREAM',
        'TCP',
        String(self()),
        '*:0',
        '',
      ]);
    } finally {
      await closeAll(c, a, ls, v6, u);
    }
  });

  it('prints the columns asked for, in that order, with OTP header names', async () => {
    const [ls, port] = await listening('inet6');
    try {
      const lines = await printed(() => i(['local_address', 'domain', 'remote_address']));
      expect(lines[0]).to.match(/^Local Address +Domain Remote Address $/);
      const [local, domain, remote] = cells(lines, ['Local Address', 'Domain', 'Remote Address'])[1] ?? [];
      expect(local).to.match(localhost(port));
      expect([domain, remote]).to.deep.equal(['inet6', '']);
      expect(await printed(() => i(['ab_cD', 'a_', 'a__b', 'x']))).to.deep.equal([
        'Ab CD A_ A _b X ',
        ...blank(16),
      ]);
    } finally {
      await closeAll(ls);
    }
  });

  it('prints a column of blanks for a key it does not know', async () => {
    const s = ok(await socket.open('inet', 'stream', 'tcp'));
    try {
      expect(await printed(() => i(['domain', 'foo', 'recv']))).to.deep.equal([
        'Domain Foo Recv ',
        'inet       0    ',
      ]);
    } finally {
      await closeAll(s);
    }
  });

  it('prints an empty line per row for no keys, as OTP', async () => {
    const s = ok(await socket.open('inet', 'stream', 'tcp'));
    try {
      expect(await printed(() => i([]))).to.deep.equal(['', '']);
    } finally {
      await closeAll(s);
    }
  });

  it('raises function_clause for an argument i/1 or i/2 does not take', async () => {
    const reasonOf = async (call: () => Promise<unknown>): Promise<unknown> => {
      try {
        await call();
      } catch (e) {
        if (ErlangError.is(e)) return e.reason;
        throw e;
      }
      return 'no error';
    };
    expect(await reasonOf(() => i('foo'))).to.equal('function_clause');
    expect(await reasonOf(() => i(42))).to.equal('function_clause');
    expect(await reasonOf(() => i('inet', 'domain'))).to.equal('function_clause');
    expect(await reasonOf(() => i(['domain'], ['type']))).to.equal('function_clause');
    expect(await reasonOf(() => i('raw', ['domain']))).to.equal('function_clause');
    // A key that is no atom fails only where OTP names it: in the header, when there are rows.
    expect(await reasonOf(() => i('seqpacket', [1]))).to.equal('no error');
    const s = ok(await socket.open('inet', 'stream', 'tcp'));
    try {
      expect(await reasonOf(() => printed(() => i([1])))).to.equal('badarg');
      expect(await reasonOf(() => printed(() => i([''])))).to.equal('function_clause');
    } finally {
      await closeAll(s);
    }
  });
});

describe('socket:i cells', () => {
  const none = parseServices('');

  it('abbreviates states with OTP separators', () => {
    expect(formatStates([], [])).to.equal(' ');
    expect(formatStates(['bound', 'listening'], [])).to.equal('BD:LG, -');
    expect(formatStates(['bound', 'listening'], ['connected'])).to.equal('BD:LG , CD');
    expect(formatStates([], ['connected', 'selected'])).to.equal(' - , CD:SD');
    expect(formatStates(['accepting', 'busy', 'open', 'listen'], ['connecting'])).to.equal('A:BY:O:LN , CG');
    expect(formatStates(['closing', 'closed'], ['closing'])).to.equal('CLOSING:CLOSED , CLOSING');
  });

  it('writes the any and loopback addresses as * and localhost, others as inet:ntoa', () => {
    const at = (addr: number[], port = 80): string =>
      formatSockaddr({ family: addr.length === 4 ? 'inet' : 'inet6', addr, port }, 'tcp', none);
    expect(at([0, 0, 0, 0], 0)).to.equal('*:0');
    expect(at([0, 0, 0, 0, 0, 0, 0, 0])).to.equal('*:80');
    expect(at([127, 0, 0, 1])).to.equal('localhost:80');
    expect(at([0, 0, 0, 0, 0, 0, 0, 1])).to.equal('localhost:80');
    expect(at([10, 1, 2, 3])).to.equal('10.1.2.3:80');
    expect(at([127, 0, 0, 2])).to.equal('127.0.0.2:80');
    expect(at([0, 0, 0, 0, 0, 0xffff, 0x7f00, 1])).to.equal('::ffff:127.0.0.1:80');
    expect(at([0xfe80, 0, 0, 0, 0, 0, 0, 5])).to.equal('fe80::5:80');
  });

  it('writes a local address as local: and its path bytes', () => {
    expect(formatSockaddr({ family: 'local', path: Buffer.from('/tmp/s') }, 'tcp', none)).to.equal(
      'local:/tmp/s',
    );
    expect(formatSockaddr({ family: 'local', path: '/tmp/t' }, 'tcp', none)).to.equal('local:/tmp/t');
  });

  it('names a port the services file names for that protocol', () => {
    const services = parseServices(
      [
        '# /etc/services',
        'ssh\t\t22/tcp\t\t\t# SSH Remote Login Protocol',
        'ssh-alt\t22/tcp',
        'domain\t\t53/udp',
        '   ',
        'bogus 99',
      ].join('\n'),
    );
    const at = (port: number, proto: string): string =>
      formatSockaddr({ family: 'inet', addr: [127, 0, 0, 1], port }, proto, services);
    expect(at(22, 'tcp')).to.equal('localhost:ssh (22)');
    expect(at(22, 'udp')).to.equal('localhost:22');
    expect(at(53, 'udp')).to.equal('localhost:domain (53)');
    expect(at(99, 'tcp')).to.equal('localhost:99');
  });
});

function blank(width: number): string[] {
  return socket.which_sockets().map(() => ' '.repeat(width));
}
