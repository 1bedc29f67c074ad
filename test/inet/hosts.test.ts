/**
 * inet's host functions against real erl on this machine: the same inputs give
 * the same results, IP text and tuples, localhost and the hosts file, names
 * that cannot exist (.invalid), bad families and bad arguments. Only the
 * loopback network is used: nothing here needs a DNS server to answer.
 */
import { expect } from 'chai';
import { List, list } from 'erlts';
import {
  getaddr,
  getaddrs,
  gethostbyaddr,
  gethostbyname,
  gethostname,
  type hostent,
  getifaddrs,
} from 'erlts/inet';
import { erlangAvailable, erlString, evalInErlang, noErlang, type ErlOutcome } from '../support/erlang.js';

/** Rejects if `promise` takes longer than `ms`. */
function within<T>(promise: Promise<T>, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/** A term in a form chai can deep-compare that keeps lists and tuples apart. */
function plain(term: unknown): unknown {
  if (term instanceof List) return { list: [...term].map(plain) };
  if (Array.isArray(term)) return term.map(plain);
  if (term !== null && typeof term === 'object' && 'h_name' in term) {
    // A hostent as Erlang's record, its texts as char lists.
    const h = term as hostent;
    return plain([
      'hostent',
      codes(h.h_name),
      list(...h.h_aliases.map(codes)),
      h.h_addrtype,
      h.h_length,
      h.h_addr_list,
    ]);
  }
  return term;
}

function codes(s: string): List<number> {
  return list(...[...s].map((c) => c.codePointAt(0) ?? 0));
}

function erlTerm(value: unknown): string {
  if (typeof value === 'string') return erlString(value);
  if (value instanceof List) return `[${[...value].map(erlTerm).join(',')}]`;
  if (Array.isArray(value)) return `{${value.map(erlTerm).join(',')}}`;
  return String(value);
}

/** An atom literal for a family argument. */
function erlAtom(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : erlTerm(value);
}

interface Case {
  readonly erl: string;
  readonly run: () => Promise<unknown>;
}

const long = 'a'.repeat(300);
const labels = Array.from({ length: 5 }, () => 'a'.repeat(63)).join('.');

const names: readonly unknown[] = [
  'localhost',
  'LocalHost',
  'LOCALHOST',
  'localhost.',
  'runsc',
  'vm',
  'VM',
  '127.0.0.1',
  '127.1',
  '12345',
  '0177.0.0.1',
  '0x7f.0.0.1',
  '0x7f.1',
  '1.2.3.4.5',
  '1.2.3.256',
  '::1',
  '::ffff:1.2.3.4',
  '1.2.3.4',
  'fe80::1%1',
  '',
  'a b',
  'a..b',
  ' 127.0.0.1',
  '127.0.0.1 ',
  'nothing-here.invalid',
  `${'a'.repeat(64)}.invalid`,
  long,
  labels,
  list(...'localhost'.split('').map((c) => c.charCodeAt(0))),
];

const families: readonly unknown[] = ['inet', 'inet6'];

function cases(): Case[] {
  const out: Case[] = [];
  for (const name of names) {
    const n = erlTerm(name);
    out.push({ erl: `inet:gethostbyname(${n})`, run: () => gethostbyname(name) });
    for (const family of families) {
      out.push({
        erl: `inet:gethostbyname(${n}, ${erlAtom(family)})`,
        run: () => gethostbyname(name, family),
      });
      out.push({ erl: `inet:getaddrs(${n}, ${erlAtom(family)})`, run: () => getaddrs(name, family) });
      out.push({ erl: `inet:getaddr(${n}, ${erlAtom(family)})`, run: () => getaddr(name, family) });
    }
    out.push({ erl: `inet:gethostbyaddr(${n})`, run: () => gethostbyaddr(name) });
  }
  const tuples: unknown[] = [
    [127, 0, 0, 1],
    [127, 0, 0, 2],
    [192, 0, 2, 2],
    [256, 0, 0, 1],
    [1, 2, 3],
    [127, 0, 0, 1, 5],
    [0, 0, 0, 0, 0, 0, 0, 1],
    [0, 0, 0, 0, 0, 0, 0, 2],
    [0, 0, 0, 0, 0, 65535, 32512, 1],
    [0, 0, 0, 0, 0, 0, 0, 65536],
    [0, 0, 0, 0, 0, 0, 0, -1],
    [-1, 0, 0, 1],
    [127, 0, 0, 1.5],
    ['a', 'b', 'c', 'd'],
  ];
  for (const t of tuples) {
    const e = erlTerm(t);
    out.push({ erl: `inet:gethostbyaddr(${e})`, run: () => gethostbyaddr(t) });
    out.push({ erl: `inet:gethostbyname(${e})`, run: () => gethostbyname(t) });
    for (const family of [...families, 'local', 'foo']) {
      out.push({ erl: `inet:getaddrs(${e}, ${erlAtom(family)})`, run: () => getaddrs(t, family) });
      out.push({ erl: `inet:getaddr(${e}, ${erlAtom(family)})`, run: () => getaddr(t, family) });
    }
  }
  for (const family of ['local', 'foo']) {
    for (const name of ['localhost', '::1', 'nothing-here.invalid']) {
      out.push({
        erl: `inet:gethostbyname(${erlTerm(name)}, ${family})`,
        run: () => gethostbyname(name, family),
      });
      out.push({ erl: `inet:getaddrs(${erlTerm(name)}, ${family})`, run: () => getaddrs(name, family) });
    }
  }
  // The /3 forms (and gethostbyaddr/2) with a timeout, for inputs answered without the system resolver.
  for (const timeout of ['infinity', 100, 0] as const) {
    const t = String(timeout);
    out.push({
      erl: `inet:gethostbyname("localhost", inet, ${t})`,
      run: () => gethostbyname('localhost', 'inet', timeout),
    });
    out.push({
      erl: `inet:getaddrs("localhost", inet, ${t})`,
      run: () => getaddrs('localhost', 'inet', timeout),
    });
    out.push({
      erl: `inet:getaddr({127,0,0,1}, inet, ${t})`,
      run: () => getaddr([127, 0, 0, 1], 'inet', timeout),
    });
    out.push({
      erl: `inet:gethostbyaddr("127.0.0.1", ${t})`,
      run: () => gethostbyaddr('127.0.0.1', timeout),
    });
  }
  // Neither names nor addresses.
  for (const [erl, js] of [
    ['123', 123],
    ['<<"localhost">>', Buffer.from('localhost')],
    ['#{}', {}],
  ] as const) {
    out.push({ erl: `inet:gethostbyname(${erl})`, run: () => gethostbyname(js) });
    out.push({ erl: `inet:getaddr(${erl}, inet)`, run: () => getaddr(js, 'inet') });
    out.push({ erl: `inet:gethostbyaddr(${erl})`, run: () => gethostbyaddr(js) });
  }
  return out;
}

describe('inet host functions against erl', function () {
  this.timeout(120_000);
  const all = cases();
  let answers: ErlOutcome[] = [];

  before(function () {
    if (!erlangAvailable()) {
      console.log(`    ${noErlang}`);
      this.skip();
    }
    answers = evalInErlang(all.map((c) => c.erl));
  });

  it(`covers at least 250 inputs (${all.length})`, function () {
    expect(all.length).to.be.at.least(250);
  });

  all.forEach((c, i) => {
    it(`gives what erl gives for ${c.erl.length > 90 ? c.erl.slice(0, 87) + '...' : c.erl}`, async function () {
      const expected = answers[i];
      if (expected === undefined || !expected.ok)
        throw new Error(`erl raised for ${c.erl}: ${JSON.stringify(expected)}`);
      const actual = await within(c.run());
      expect(plain(actual)).to.deep.equal(plain(expected.value));
    });
  });
});

describe('inet host functions with a bad timeout', function () {
  const bad: readonly [string, () => Promise<unknown>][] = [
    ['inet:getaddr("localhost", inet, -1)', () => getaddr('localhost', 'inet', -1)],
    ['inet:getaddr("localhost", inet, foo)', () => getaddr('localhost', 'inet', 'foo')],
    ['inet:getaddrs("localhost", inet, 1.5)', () => getaddrs('localhost', 'inet', 1.5)],
    ['inet:gethostbyname("localhost", inet, -5)', () => gethostbyname('localhost', 'inet', -5)],
    ['inet:gethostbyaddr("127.0.0.1", bar)', () => gethostbyaddr('127.0.0.1', 'bar')],
  ];
  let answers: ErlOutcome[] = [];

  before(function () {
    if (!erlangAvailable()) {
      console.log(`    ${noErlang}`);
      this.skip();
    }
    answers = evalInErlang(bad.map(([erl]) => erl));
  });

  bad.forEach(([erl, run], i) => {
    it(`raises badarg as erl does for ${erl}`, async function () {
      expect(answers[i]).to.deep.include({ ok: false, class: 'error', reason: 'badarg' });
      const raised = await run().then(
        () => 'returned',
        (e: { reason?: unknown; message?: string }) => [e.reason, e.message],
      );
      expect(raised).to.be.an('array');
      expect((raised as unknown[])[0]).to.equal('badarg');
      expect((raised as unknown[])[1]).to.match(/timeout must be a non-negative integer or infinity/);
    });
  });
});

describe('inet:gethostname and inet:getifaddrs against erl', function () {
  this.timeout(60_000);
  let answers: ErlOutcome[] = [];

  before(function () {
    if (!erlangAvailable()) {
      console.log(`    ${noErlang}`);
      this.skip();
    }
    answers = evalInErlang(['inet:gethostname()', 'inet:getifaddrs()']);
  });

  it('returns the same short host name as erl', function () {
    const [name] = answers;
    expect(name?.ok).to.equal(true);
    expect(plain(['ok', codes(gethostname()[1])])).to.deep.equal(plain(name?.ok ? name.value : undefined));
  });

  it('lists the same interfaces, flags, addresses and hardware addresses in the same order as erl', function () {
    const erl = answers[1];
    if (erl === undefined || !erl.ok) throw new Error(`erl failed: ${JSON.stringify(erl)}`);
    const [tag, erlIfs] = erl.value as ['ok', List<[List<number>, List<[string, unknown]>]>];
    expect(tag).to.equal('ok');
    // Node cannot see a point-to-point peer address (dstaddr): leave it out of erl's answer.
    const expected = [...erlIfs].map(([name, opts]) => [
      String.fromCharCode(...name),
      [...opts].filter(([key]) => key !== 'dstaddr'),
    ]);
    const [ok, ifs] = getifaddrs();
    expect(ok).to.equal('ok');
    expect(plain(ifs.map(([name, opts]) => [name, [...opts]]))).to.deep.equal(plain(expected));
  });
});

describe('inet host functions', function () {
  it('resolves an IPv4 tuple to itself without a resolver', async function () {
    expect(await within(getaddr([127, 0, 0, 1], 'inet'))).to.deep.equal(['ok', [127, 0, 0, 1]]);
  });

  it('refuses a valid tuple of the other family with eafnosupport', async function () {
    expect(await within(getaddr([0, 0, 0, 0, 0, 0, 0, 1], 'inet'))).to.deep.equal(['error', 'eafnosupport']);
  });

  it('gives nxdomain for a name under .invalid', async function () {
    expect(await within(gethostbyname('no-such-host.invalid'))).to.deep.equal(['error', 'nxdomain']);
  });

  it('returns the hostent with JS strings and OTP field names', async function () {
    const [ok, ent] = (await within(gethostbyname('localhost'))) as ['ok', hostent];
    expect(ok).to.equal('ok');
    expect(ent.h_name).to.be.a('string');
    expect(Object.keys(ent)).to.deep.equal(['h_name', 'h_aliases', 'h_addrtype', 'h_length', 'h_addr_list']);
    expect(ent.h_addr_list).to.be.instanceOf(List);
  });

  it('resolves its own host name to the loopback address for inet6 too', async function () {
    const [, self] = gethostname();
    const result = await within(getaddrs(self, 'inet6'));
    expect(result[0]).to.equal('ok');
  });

  it('gives nxdomain at once for a name the C library cannot be asked about', async function () {
    // erl waits for its port program to time out (8 s) and then says nxdomain.
    expect(await within(gethostbyname('a\u0400b'), 1000)).to.deep.equal(['error', 'nxdomain']);
    expect(await within(gethostbyname('local\u0000host'), 1000)).to.deep.equal(['error', 'nxdomain']);
  });

  it('answers einval, never throws, for arguments of the wrong type', async function () {
    for (const bad of [undefined, null, 1.5, Symbol('x'), () => 1, new Map()]) {
      expect(await within(gethostbyname(bad))).to.deep.equal(['error', 'einval']);
      expect(await within(getaddrs(bad, 'inet'))).to.deep.equal(['error', 'einval']);
      expect(await within(gethostbyaddr(bad))).to.deep.equal(['error', 'einval']);
    }
    expect(await within(gethostbyname(list(108, 'x', 111)))).to.deep.equal(['error', 'einval']);
  });
});
