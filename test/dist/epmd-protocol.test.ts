import { expect } from 'chai';
import fc from 'fast-check';
import * as P from '../../net_kernel/internal/epmd-protocol.js';

const hex = (s: string): Buffer => Buffer.from(s.replace(/\s+/g, ''), 'hex');

describe('EPMD protocol', () => {
  it('encodes ALIVE2_REQ as erl_epmd does', () => {
    const req = P.encodeAlive2Req({
      name: 'ab',
      port: 0x1234,
      nodeType: 77,
      protocol: 0,
      highestVersion: 6,
      lowestVersion: 6,
      extra: Buffer.alloc(0),
    });
    // Len=15, 120, Port, 'M', 0, High, Low, Nlen=2, "ab", Elen=0
    expect(req.toString('hex')).to.equal(
      '000f' + '78' + '1234' + '4d' + '00' + '0006' + '0006' + '0002' + '6162' + '0000',
    );
  });

  it('reads ALIVE2_X_RESP and the old ALIVE2_RESP', () => {
    expect(P.decodeAlive2Resp(hex('76 00 6b11985e'))).to.deep.equal({
      result: { ok: true, creation: 0x6b11985e },
      used: 6,
    });
    expect(P.decodeAlive2Resp(hex('79 00 0003'))).to.deep.equal({
      result: { ok: true, creation: 3 },
      used: 4,
    });
    expect(P.decodeAlive2Resp(hex('76 01 00000063'))?.result).to.deep.equal({ ok: false, result: 1 });
    expect(P.decodeAlive2Resp(hex('76 00 6b'))).to.equal(null);
    expect(() => P.decodeAlive2Resp(hex('41'))).to.throw(P.EpmdProtocolError);
  });

  it('encodes PORT_PLEASE2_REQ and reads PORT2_RESP', () => {
    expect(P.encodePortPlease2Req('b').toString('hex')).to.equal('0002' + '7a' + '62');
    const resp = hex('77 00 ad03 4d 00 0006 0005 0001 62 0000');
    expect(P.decodePort2Resp(resp)).to.deep.equal({
      result: {
        ok: true,
        node: {
          port: 0xad03,
          nodeType: 77,
          protocol: 0,
          highestVersion: 6,
          lowestVersion: 5,
          name: 'b',
          extra: Buffer.alloc(0),
        },
      },
      used: resp.length,
    });
    expect(P.decodePort2Resp(hex('77 01'))).to.deep.equal({ result: { ok: false, result: 1 }, used: 2 });
    for (let n = 0; n < resp.length; n++) expect(P.decodePort2Resp(resp.subarray(0, n))).to.equal(null);
  });

  it('parses NAMES_RESP as erl_epmd:scan_names does', () => {
    const body = Buffer.concat([
      P.encodeNamesHead(4369),
      P.encodeNamesLine('a', 1000),
      Buffer.from('garbage line\n'),
      P.encodeNamesLine('b', 2000),
    ]);
    expect(P.decodeNamesResp(body)).to.deep.equal({
      epmdPort: 4369,
      names: [
        ['a', 1000],
        ['b', 2000],
      ],
    });
    expect(P.encodeNamesLine('x', 5).toString()).to.equal('name x at port 5\n');
  });

  it('answers a version 6 node with a 32-bit creation and an older one with 16 bits', () => {
    expect(P.encodeAlive2Resp(6, 0, 0x6b11985e).toString('hex')).to.equal('76006b11985e');
    expect(P.encodeAlive2Resp(5, 0, 2).toString('hex')).to.equal('79000002');
    expect(P.encodeAlive2Resp(6, 1, 99).toString('hex')).to.equal('760100000063');
  });

  it('decodes requests with epmd_srv.c checks', () => {
    const alive = P.encodeAlive2Req({
      name: 'nö',
      port: 9,
      nodeType: 77,
      protocol: 0,
      highestVersion: 6,
      lowestVersion: 5,
      extra: Buffer.from('x'),
    });
    const body = P.takeRequest(alive);
    expect(body).to.be.instanceOf(Buffer);
    const req = P.decodeRequest(body as Buffer);
    expect(req).to.deep.include({ kind: 'alive2' });
    expect(req.kind === 'alive2' && req.node.name).to.equal('nö');
    expect(req.kind === 'alive2' && req.node.extra.toString()).to.equal('x');
    expect(P.decodeRequest(hex('7a 6200'))).to.deep.equal({ kind: 'port_please2', name: 'b' });
    expect(P.decodeRequest(hex('7a 00'))).to.deep.include({ kind: 'garbage' });
    expect(P.decodeRequest(hex('7a ff'))).to.deep.include({ kind: 'garbage' });
    expect(P.decodeRequest(hex('78 0000'))).to.deep.include({ kind: 'garbage' });
    expect(P.decodeRequest(hex('6e'))).to.deep.equal({ kind: 'names' });
    expect(P.decodeRequest(hex('ff'))).to.deep.include({ kind: 'garbage' });
  });

  it('frames requests as epmd does: a bad length or trailing bytes end the connection', () => {
    expect(P.takeRequest(hex('00'))).to.equal(null);
    expect(P.takeRequest(hex('0001'))).to.equal(null);
    expect(P.takeRequest(hex('0000'))).to.equal('bad');
    expect(P.takeRequest(hex('0bf2'))).to.equal('bad'); // 3058 + 2 >= INBUF_SIZE (3060)
    expect(P.takeRequest(hex('0bf1'))).to.equal(null);
    expect(P.takeRequest(hex('00016e00'))).to.equal('bad');
    expect(P.takeRequest(hex('00016e'))?.toString('hex')).to.equal('6e');
  });

  it('never throws on arbitrary request bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const b = Buffer.from(bytes);
        const body = P.takeRequest(b);
        if (body instanceof Buffer) P.decodeRequest(body);
        if (b.length > 0) P.decodeRequest(b);
      }),
    );
  });

  it('round-trips ALIVE2_REQ and PORT2_RESP for any registration', () => {
    const reg = fc.record({
      name: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !s.includes('\0')),
      port: fc.integer({ min: 0, max: 65535 }),
      nodeType: fc.constantFrom(77, 72),
      protocol: fc.constant(0),
      highestVersion: fc.integer({ min: 0, max: 65535 }),
      lowestVersion: fc.integer({ min: 0, max: 65535 }),
      extra: fc.uint8Array({ maxLength: 20 }).map((a) => Buffer.from(a)),
    });
    fc.assert(
      fc.property(reg, (r) => {
        const body = P.takeRequest(P.encodeAlive2Req(r));
        const req = P.decodeRequest(body as Buffer);
        expect(req).to.deep.equal({ kind: 'alive2', node: r });
        const resp = P.encodePort2Resp(r);
        expect(P.decodePort2Resp(resp)).to.deep.equal({ result: { ok: true, node: r }, used: resp.length });
      }),
    );
  });
});
