import { expect } from 'chai';
import fc from 'fast-check';
import { ErlangError, ExitException, List } from 'erlts';
import {
  ActiveCounter,
  defaultTcpOptions,
  getopts,
  inheritOptions,
  parseOpenOptions,
  setActive,
  setopts,
  type TcpOptions,
} from '../../inet/internal/tcp/options.js';
import { erlangAvailable, evalInErlang, noErlang, toErlang } from '../support/erlang.js';
import { commonNames, optionCases, type OptionCase } from './tcp-options-cases.js';

/** Lists, tuples and binaries in one comparable shape. */
function plain(t: unknown): unknown {
  if (Buffer.isBuffer(t)) return { bin: t.toString('hex') };
  if (Array.isArray(t)) return t.map(plain);
  return t;
}

function namesOf(c: OptionCase): string[] {
  const names: string[] = [...commonNames, ...(c.read ?? [])].filter((n) => !(c.skip ?? []).includes(n));
  // The kernel, not inet_drv, answers these after odd values.
  if (c.opts.some((o) => Array.isArray(o) && o[0] === 'linger' && Array.isArray(o[1]) && o[1][1] < 0)) {
    return names.filter((n) => n !== 'linger');
  }
  if (c.opts.some((o) => Array.isArray(o) && o[0] === 'inet_backend' && o[1] === 'socket')) return [];
  return names;
}

function connectedDefaults(): TcpOptions {
  const r = parseOpenOptions([], 'connect');
  if (r[0] !== 'ok') throw new Error('defaults');
  return r[1].options;
}

/** erlts's answer for one case, in the shape the Erlang side prints. */
function erltsAnswer(c: OptionCase): unknown {
  const names = namesOf(c);
  if (c.fn === 'setopts') {
    const r = setopts(connectedDefaults(), c.opts);
    const g = getopts(r.options, names);
    return plain([r.reply, g[1]]);
  }
  try {
    const r = parseOpenOptions(c.opts, c.fn);
    if (r[0] === 'error') return plain(r);
    return plain(['ok', getopts(r[1].options, names)]);
  } catch (e) {
    if (ExitException.is(e)) return ['raised', e.reason];
    throw e;
  }
}

/** The Erlang expression answering one case on a real socket. */
function erlExpr(c: OptionCase): string {
  const opts = `[${c.opts.map(toErlang).join(',')}]`;
  const names = `[${namesOf(c).join(',')}]`;
  const port = 'persistent_term:get(erlts_options_port)';
  if (c.fn === 'setopts') {
    return `begin {ok, S} = gen_tcp:connect({127,0,0,1}, ${port}, [], 2000),
      R = inet:setopts(S, ${opts}), {ok, G} = inet:getopts(S, ${names}), gen_tcp:close(S), {R, G} end`;
  }
  const open =
    c.fn === 'listen' ? `gen_tcp:listen(0, ${opts})` : `gen_tcp:connect({127,0,0,1}, ${port}, ${opts}, 2000)`;
  return `try ${open} of
      {ok, S} -> G = inet:getopts(S, ${names}), gen_tcp:close(S), {ok, G};
      {error, E} -> {error, E}
    catch _:function_clause -> {raised, badarg}; _:{function_clause, _} -> {raised, badarg}; _:X -> {raised, X} end`;
}

const setup = `begin
  {ok, L} = gen_tcp:listen(0, [{ip, {127,0,0,1}}, {backlog, 1024}]), {ok, P} = inet:port(L),
  spawn(fun() -> Loop = fun Lp() -> case gen_tcp:accept(L) of {ok, A} -> Hold = spawn(fun() -> receive stop -> ok after 30000 -> ok end end), ok = gen_tcp:controlling_process(A, Hold), Lp(); _ -> ok end end, Loop() end),
  persistent_term:put(erlts_options_port, P), ok end`;

/** Separate `inet:setopts(S, [{active, V}])` calls on one socket, in order. */
const activeSequence: readonly unknown[] = [
  5,
  3,
  32767,
  32759,
  -40000,
  -8,
  'once',
  4,
  true,
  2,
  -1,
  -1,
  0,
  32767,
  1,
  -32768,
  false,
  -3,
  'x',
  7,
];

/** One Erlang expression: each step's reply, active read-back and whether tcp_passive came. */
function activeSequenceExpr(): string {
  const port = 'persistent_term:get(erlts_options_port)';
  return `begin {ok, S} = gen_tcp:connect({127,0,0,1}, ${port}, [{active, false}], 2000),
    R = [begin Reply = inet:setopts(S, [{active, V}]), {ok, [{active, A}]} = inet:getopts(S, [active]),
               P = receive {tcp_passive, S} -> true after 20 -> false end, {Reply, A, P} end
         || V <- [${activeSequence.map(toErlang).join(',')}]],
    gen_tcp:close(S), R end`;
}

/** Options of a listen socket whose accepted socket is read back. */
const inheritedListenOptions: readonly unknown[] = [
  'binary',
  ['packet', 2],
  ['active', 'once'],
  ['high_watermark', 100],
  ['low_msgq_watermark', 10],
  ['send_timeout', 500],
  ['exit_on_close', false],
  ['nodelay', true],
  ['linger', [true, 3]],
  ['deliver', 'port'],
  ['header', 1],
  ['packet_size', 4096],
  ['show_econnreset', true],
  ['buffer', 3000],
  ['backlog', 10],
];

function inheritExpr(): string {
  const opts = `[${inheritedListenOptions.map(toErlang).join(',')}]`;
  return `begin {ok, L} = gen_tcp:listen(0, [{ip, {127,0,0,1}} | ${opts}]), {ok, P} = inet:port(L),
    {ok, C} = gen_tcp:connect({127,0,0,1}, P, [], 2000), {ok, A} = gen_tcp:accept(L, 2000),
    {ok, G} = inet:getopts(A, [${commonNames.join(',')}]),
    gen_tcp:close(A), gen_tcp:close(C), gen_tcp:close(L), G end`;
}

describe('gen_tcp option model', () => {
  describe('defaults', () => {
    it('gives OTP 25 defaults for an empty list', () => {
      const r = parseOpenOptions([], 'listen');
      expect(r[0]).to.equal('ok');
      if (r[0] !== 'ok') return;
      const o = r[1].options;
      expect(o.active).to.equal(true);
      expect(o.mode).to.equal('list');
      expect(o.packet).to.equal(0);
      expect(o.exitOnClose).to.equal(true);
      expect(o.sendTimeout).to.equal('infinity');
      expect([o.highWatermark, o.lowWatermark, o.highMsgqWatermark, o.lowMsgqWatermark]).to.deep.equal([
        8192, 4096, 8192, 4096,
      ]);
      expect(r[1].given).to.deep.equal([]);
    });

    it('accepts a List as well as a plain array and keeps the list as given', () => {
      const given = new List<unknown>();
      given.push('binary', ['active', 'once']);
      const r = parseOpenOptions(given, 'connect');
      expect(r[0]).to.equal('ok');
      if (r[0] !== 'ok') return;
      expect(r[1].options.mode).to.equal('binary');
      expect(r[1].given).to.equal(given);
    });
  });

  describe('errors', () => {
    it('exits with badarg naming the option and the function for a typo', () => {
      expect(() => parseOpenOptions([['actve', true]], 'listen'))
        .to.throw(ExitException)
        .with.property('message')
        .that.matches(/gen_tcp:listen\/2.*actve/);
    });

    it('does not take Object.prototype names for options', () => {
      for (const name of ['constructor', 'toString', '__proto__']) {
        expect(() => parseOpenOptions([name], 'listen')).to.throw(ExitException);
        expect(() => parseOpenOptions([[name, 1]], 'connect')).to.throw(ExitException);
        expect(setopts(connectedDefaults(), [[name, 1]]).reply).to.deep.equal(['error', 'einval']);
        expect(getopts(defaultTcpOptions, [name])).to.deep.equal(['error', 'einval']);
      }
    });

    it('exits with badarg for something that is not a list', () => {
      expect(() => parseOpenOptions('binary', 'connect'))
        .to.throw(ExitException)
        .with.property('reason', 'badarg');
    });

    it('returns einval from setopts for a typo and applies nothing', () => {
      const before = connectedDefaults();
      const r = setopts(before, [
        ['packet', 2],
        ['actve', true],
      ]);
      expect(r.reply).to.deep.equal(['error', 'einval']);
      expect(r.options.packet).to.equal(0);
    });

    it('returns einval from getopts for an unknown name', () => {
      expect(getopts(defaultTcpOptions, ['active', 'bogus'])).to.deep.equal(['error', 'einval']);
    });
  });

  describe('hostile values', () => {
    /** What a call gave: its result, or the Erlang class and reason it raised. */
    function outcome(f: () => unknown): unknown {
      try {
        const r = f();
        return typeof r === 'object' && r !== null && 'reply' in r ? r.reply : r;
      } catch (e) {
        if (ExitException.is(e)) return ['exit', e.reason];
        if (ErlangError.is(e)) return ['error', e.reason];
        throw e;
      }
    }
    const einval = ['error', 'einval'];

    it('answers for a value that contains itself without overflowing the stack while writing the message', () => {
      const o: Record<string, unknown> = {};
      o.self = o;
      const cyclic: unknown[] = ['packet'];
      cyclic.push(cyclic);
      // OTP: {ip, Map} reaches listen's bind, which answers einval; connect exits badarg.
      expect(outcome(() => parseOpenOptions([['ip', o]], 'listen'))).to.deep.equal(einval);
      expect(outcome(() => parseOpenOptions([['ip', o]], 'connect'))).to.deep.equal(['exit', 'badarg']);
      for (const ctx of ['listen', 'connect'] as const) {
        expect(outcome(() => parseOpenOptions([['packet', o]], ctx))).to.deep.equal(['exit', 'badarg']);
        expect(outcome(() => parseOpenOptions([cyclic], ctx))).to.deep.equal(['exit', 'badarg']);
      }
      expect(outcome(() => setopts(connectedDefaults(), [['packet', o]]))).to.deep.equal(einval);
      expect(outcome(() => setopts(connectedDefaults(), [cyclic]))).to.deep.equal(einval);
    });

    it('gives badarg or einval, not the exception, for values whose toString throws', () => {
      const fn = (): number => 1;
      fn.toString = () => {
        throw new Error('toString called');
      };
      const obj = {
        toString(): string {
          throw new Error('toString called');
        },
      };
      for (const v of [fn, obj]) {
        for (const ctx of ['listen', 'connect'] as const) {
          expect(outcome(() => parseOpenOptions([['packet', v]], ctx))).to.deep.equal(['exit', 'badarg']);
          expect(outcome(() => parseOpenOptions([['linger', [true, v]]], ctx))).to.deep.equal([
            'exit',
            'badarg',
          ]);
        }
        expect(outcome(() => setopts(connectedDefaults(), [['packet', v]]))).to.deep.equal(einval);
        expect(outcome(() => setopts(connectedDefaults(), [v]))).to.deep.equal(einval);
      }
      expect(outcome(() => parseOpenOptions([fn], 'listen'))).to.deep.equal(['exit', 'badarg']);
      expect(outcome(() => parseOpenOptions([['ip', fn]], 'listen'))).to.deep.equal(['exit', 'badarg']);
      // A plain object is a map, whatever its keys: listen's bind refuses it as OTP's does.
      expect(outcome(() => parseOpenOptions([['ip', obj]], 'listen'))).to.deep.equal(einval);
    });

    it('takes any map for ip at listen and answers einval for one that is no sockaddr, as OTP', () => {
      for (const map of [
        {},
        { family: 'inet', addr: 'foo' },
        { family: 'inet', addr: [127, 0, 0, 1], port: -1 },
      ]) {
        expect(outcome(() => parseOpenOptions([['ip', map]], 'listen'))).to.deep.equal(einval);
        expect(outcome(() => parseOpenOptions([['ip', map]], 'connect'))).to.deep.equal(['exit', 'badarg']);
      }
      // An instance of a class is no map: badarg, as for a pid or a ref in OTP.
      expect(outcome(() => parseOpenOptions([['ip', new Date(0)]], 'listen'))).to.deep.equal([
        'exit',
        'badarg',
      ]);
    });
  });

  describe('setopts', () => {
    it('takes the fast path for a lone active option', () => {
      const r = setopts(connectedDefaults(), [['active', 'once']]);
      expect(r.reply).to.equal('ok');
      expect(r.options.active).to.equal('once');
      expect(setActive(r.options, 3).options.active).to.equal(3);
    });

    it('adds N to a running count and says when tcp_passive is due', () => {
      let o = setopts(connectedDefaults(), [['active', 5]]).options;
      o = setopts(o, [['active', 3]]).options;
      expect(o.active).to.equal(8);
      const r = setopts(o, [['active', -8]]);
      expect(r.options.active).to.equal(false);
      expect(r.passive).to.equal(true);
    });
  });

  describe('inheritance and read-back', () => {
    it('gives an accepted socket the listen socket options', () => {
      const r = parseOpenOptions(['binary', ['packet', 2], ['backlog', 50], ['port', 0]], 'listen');
      if (r[0] !== 'ok') throw new Error('listen options');
      const o = inheritOptions(r[1].options);
      expect(getopts(o, ['mode', 'packet'])).to.deep.equal([
        'ok',
        [
          ['mode', 'binary'],
          ['packet', 2],
        ],
      ]);
      expect(o.backlog).to.equal(defaultTcpOptions.backlog);
    });

    it('reads back names in the order asked, duplicates included', () => {
      const r = getopts(defaultTcpOptions, ['packet', 'active', 'active']);
      expect(r[1]).to.be.instanceOf(List);
      expect(plain(r)).to.deep.equal([
        'ok',
        [
          ['packet', 0],
          ['active', true],
          ['active', true],
        ],
      ]);
    });
  });

  describe('ActiveCounter', () => {
    it('counts down and asks for tcp_passive at zero', () => {
      const c = new ActiveCounter(2);
      expect(c.consume()).to.equal(false);
      expect(c.consume()).to.equal(true);
      expect(c.value).to.equal(false);
    });

    it('never sends tcp_passive for once', () => {
      const c = new ActiveCounter('once');
      expect(c.consume()).to.equal(false);
      expect(c.value).to.equal(false);
    });

    it('keeps the count in 1..32767 or a mode under any sequence (property)', () => {
      const op = fc.oneof(
        fc.record({
          set: fc.oneof(fc.integer({ min: -40000, max: 40000 }), fc.constantFrom(true, false, 'once', 'x')),
        }),
        fc.constant({ consume: true }),
      );
      fc.assert(
        fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
          const c = new ActiveCounter(false);
          let model: boolean | 'once' | number = false;
          for (const o of ops) {
            if ('set' in o) {
              const v = o.set;
              const r = c.set(v);
              if (v === 'x' || (typeof v === 'number' && (v < -32768 || v > 32767))) {
                expect(r.reply).to.deep.equal(['error', 'einval']);
              } else if (typeof v === 'number') {
                const sum: number = typeof model === 'number' ? model + v : v;
                if (sum > 32767) expect(r.reply).to.deep.equal(['error', 'einval']);
                else if (sum <= 0) {
                  expect(r.passive).to.equal(true);
                  model = false;
                } else model = sum;
              } else model = v as boolean | 'once';
            } else {
              const passive = c.consume();
              if (model === 'once') model = false;
              else if (typeof model === 'number') {
                expect(passive).to.equal(model === 1);
                model = model === 1 ? false : model - 1;
              }
            }
            expect(c.value).to.equal(model);
            const v = c.value;
            if (typeof v === 'number') expect(v).to.be.within(1, 32767);
          }
        }),
      );
    });
  });

  describe('parser robustness (property)', () => {
    const term = fc.letrec((tie) => ({
      t: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(
          'active',
          'packet',
          'mode',
          'binary',
          'list',
          'inet',
          'ip',
          'linger',
          'once',
          'raw',
          'local',
          'constructor',
          'toString',
          '__proto__',
          'hasOwnProperty',
        ),
        fc.integer(),
        fc.boolean(),
        fc.anything(),
        fc.array(tie('t'), { maxLength: 4 }),
      ),
    })).t;
    it('only ever exits with badarg from listen/connect parsing, as OTP', () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.array(term, { maxLength: 6 }), term),
          fc.constantFrom('listen', 'connect'),
          (opts, ctx) => {
            try {
              parseOpenOptions(opts, ctx);
            } catch (e) {
              expect(ExitException.is(e) && e.reason === 'badarg', String(e)).to.equal(true);
            }
          },
        ),
      );
    });
    it('never throws from setopts on a list', () => {
      fc.assert(
        fc.property(fc.array(term, { maxLength: 6 }), (opts) => {
          const r = setopts(connectedDefaults(), opts);
          expect(r.reply === 'ok' || (Array.isArray(r.reply) && r.reply[1] === 'einval')).to.equal(true);
        }),
      );
    });
  });

  describe('against OTP on real loopback sockets', function () {
    this.timeout(60_000);
    let answers: unknown[] | undefined;
    let sequence: unknown;
    let inherited: unknown;
    before(function () {
      if (!erlangAvailable()) {
        console.log(`      ${noErlang}`);
        this.skip();
      }
      const out = evalInErlang([setup, activeSequenceExpr(), inheritExpr(), ...optionCases.map(erlExpr)]);
      const [first, seq, inh, ...rest] = out;
      inherited = inh?.ok === true ? plain(inh.value) : ['raised-by-eval', inh];
      if (first === undefined || !first.ok) throw new Error(`OTP setup failed: ${JSON.stringify(first)}`);
      sequence = seq?.ok === true ? plain(seq.value) : ['raised-by-eval', seq];
      answers = rest.map((o) => (o.ok ? plain(o.value) : ['raised-by-eval', o.reason]));
    });

    it('agrees with ActiveCounter over a sequence of {active, V} settings', () => {
      const c = new ActiveCounter(false);
      const ours = activeSequence.map((v) => {
        const r = c.set(v);
        return [r.reply, c.value, r.passive];
      });
      expect(JSON.stringify(sequence)).to.equal(JSON.stringify(plain(ours)));
    });

    it('gives an accepted socket the options OTP gives it', () => {
      const r = parseOpenOptions([['ip', [127, 0, 0, 1]], ...inheritedListenOptions], 'listen');
      if (r[0] !== 'ok') throw new Error('listen options');
      const ours = getopts(inheritOptions(r[1].options), [...commonNames]);
      expect(JSON.stringify(inherited)).to.equal(JSON.stringify(plain(ours[1])));
    });

    it(`agrees on ${optionCases.length} option cases (result and getopts read-back)`, () => {
      expect(optionCases.length).to.be.at.least(80);
      const diffs: string[] = [];
      optionCases.forEach((c, i) => {
        const otp = answers?.[i];
        const ours = erltsAnswer(c);
        if (JSON.stringify(otp) !== JSON.stringify(ours)) {
          diffs.push(
            `${c.fn} ${toErlang(new List(...c.opts))}\n   otp:    ${JSON.stringify(otp)}\n   erlts:  ${JSON.stringify(ours)}`,
          );
        }
      });
      expect(diffs, diffs.join('\n')).to.deep.equal([]);
    });
  });
});
