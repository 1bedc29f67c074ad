/**
 * The POSIX table: real Node errors become OTP's atoms, and
 * inet:format_error/1 gives erl's text for every atom the table knows.
 */
import { expect } from 'chai';
import { lookup, lookupService } from 'node:dns';
import { readFile } from 'node:fs/promises';
import { createConnection, createServer, type AddressInfo, type Server } from 'node:net';
import { format_error } from 'erlts/inet';
import {
  formattedPosixAtoms,
  knownErrnoCodes,
  posixFromNodeCode,
  posixFromNodeError,
  specialNodeCodes,
} from '../../inet/internal/posix.js';
import { erlangAvailable, evalInErlang, noErlang, type ErlOutcome } from '../support/erlang.js';

/** Rejects if `promise` takes longer than `ms`. */
function within<T>(promise: Promise<T>, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/** The error a callback-style Node call reports. */
function failure(start: (done: (err: unknown) => void) => void): Promise<unknown> {
  return within(new Promise((resolve) => start(resolve)));
}

function listen(server: Server, port = 0): Promise<number> {
  return within(
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    }),
  );
}

function close(server: Server): Promise<void> {
  return within(new Promise((resolve) => server.close(() => resolve())));
}

describe('inet:format_error against erl', function () {
  this.timeout(60_000);
  const atoms = [
    ...formattedPosixAtoms,
    ...knownErrnoCodes.map((c) => c.toLowerCase()),
    ...Object.values(specialNodeCodes),
    'timeout',
    'closed',
    'unknown',
    'foo',
    'formerr',
    'eai_again',
    'eof',
    'ok',
  ];
  const unique = [...new Set(atoms)];
  // Terms that are not atoms: OTP has no text for them either.
  const others: [string, unknown][] = [
    ['{foo}', ['foo']],
    ['"einval"', [101, 105, 110, 118, 97, 108]],
    ['123', 123],
    ['true', true],
  ];
  let answers: ErlOutcome[] = [];

  before(function () {
    if (!erlangAvailable()) {
      console.log(`    ${noErlang}`);
      this.skip();
    }
    answers = evalInErlang([
      ...unique.map((a) => `inet:format_error('${a}')`),
      ...others.map(([erl]) => `inet:format_error(${erl})`),
    ]);
  });

  unique.forEach((atom, i) => {
    it(`formats ${atom} as erl does`, function () {
      const expected = answers[i];
      if (expected === undefined || !expected.ok) throw new Error(`erl raised: ${JSON.stringify(expected)}`);
      const text = String.fromCharCode(...(expected.value as number[]));
      expect(format_error(atom)).to.equal(text);
    });
  });

  others.forEach(([erl, js], j) => {
    it(`formats the non-atom ${erl} as erl does`, function () {
      const expected = answers[unique.length + j];
      if (expected === undefined || !expected.ok) throw new Error(`erl raised: ${JSON.stringify(expected)}`);
      expect(format_error(js)).to.equal(String.fromCharCode(...(expected.value as number[])));
    });
  });

  it('has a text of its own for every errno atom erl_posix_msg knows', function () {
    const known = formattedPosixAtoms.filter((a) => format_error(a) === 'unknown POSIX error');
    expect(known).to.deep.equal([]);
  });
});

describe('posixFromNodeError', function () {
  it('maps a refused connection on 127.0.0.1 to econnrefused', async function () {
    const server = createServer();
    const port = await listen(server);
    await close(server);
    const err = await failure((done) => {
      const socket = createConnection({ host: '127.0.0.1', port });
      socket.on('error', (e) => {
        socket.destroy();
        done(e);
      });
    });
    expect((err as { code: string }).code).to.equal('ECONNREFUSED');
    expect(posixFromNodeError(err)).to.equal('econnrefused');
  });

  it('maps a port already in use to eaddrinuse', async function () {
    const first = createServer();
    const port = await listen(first);
    const second = createServer();
    let err: unknown;
    try {
      await listen(second, port);
    } catch (e) {
      err = e;
    }
    await close(first);
    expect(posixFromNodeError(err)).to.equal('eaddrinuse');
  });

  it('maps a name that does not resolve to nxdomain', async function () {
    const err = await failure((done) => lookup('no-such-host.invalid', { family: 4 }, done));
    expect(posixFromNodeError(err)).to.equal('nxdomain');
  });

  it('maps an IPv4 literal asked for as IPv6 (EAI_ADDRFAMILY) to nxdomain', async function () {
    const err = await failure((done) => lookup('127.1', { family: 6 }, done));
    expect(posixFromNodeError(err)).to.equal('nxdomain');
  });

  it('maps an address without a name (getnameinfo) to nxdomain', async function () {
    const err = await failure((done) => lookupService('127.0.0.2', 0, done));
    expect(posixFromNodeError(err)).to.equal('nxdomain');
  });

  it('maps a write after end to closed', async function () {
    const server = createServer((s) => s.destroy());
    const port = await listen(server);
    const err = await failure((done) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.end();
        socket.write('x', (e) => {
          socket.destroy();
          done(e);
        });
      });
      socket.on('error', () => undefined);
    });
    await close(server);
    expect(posixFromNodeError(err)).to.equal('closed');
  });

  it('maps a bad port (a Node argument check) to einval', function () {
    let err: unknown;
    try {
      lookupService('127.0.0.1', 70_000, () => undefined);
    } catch (e) {
      err = e;
    }
    expect((err as { code: string }).code).to.equal('ERR_SOCKET_BAD_PORT');
    expect(posixFromNodeError(err)).to.equal('einval');
  });

  it('maps a missing file to enoent', async function () {
    let err: unknown;
    try {
      await within(readFile('/nonexistent/erlts/file'));
    } catch (e) {
      err = e;
    }
    expect(posixFromNodeError(err)).to.equal('enoent');
  });

  it('maps every errno name to itself in lower case', function () {
    for (const code of knownErrnoCodes) expect(posixFromNodeCode(code), code).to.equal(code.toLowerCase());
  });

  it('treats a socket code raised by the resolver as a resolver failure', function () {
    expect(posixFromNodeCode('ECONNREFUSED', 'queryA')).to.equal('nxdomain');
    expect(posixFromNodeCode('ENODATA', 'getaddrinfo')).to.equal('nxdomain');
    expect(posixFromNodeCode('ENODATA', 'read')).to.equal('enodata');
    expect(posixFromNodeCode('EFORMERR', 'queryA')).to.equal('einval');
  });

  it('answers for codes it does not know without throwing', function () {
    expect(posixFromNodeCode('ENEWERRNO')).to.equal('enewerrno');
    expect(posixFromNodeCode('ERR_SOMETHING_NEW')).to.equal('einval');
    expect(posixFromNodeCode('weird')).to.equal('unknown');
    expect(posixFromNodeCode('constructor')).to.equal('unknown');
    for (const bad of [undefined, null, 42, 'ECONNREFUSED', {}, { code: 7 }]) {
      expect(posixFromNodeError(bad)).to.equal('unknown');
    }
  });
});
