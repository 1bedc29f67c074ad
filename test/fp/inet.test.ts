/**
 * The inet face of erlts/fp: the socket functions as TaskEithers on real loopback sockets, the
 * host lookups as TaskEithers, the pure address functions as Eithers at once.
 */
import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import { list } from 'erlts';
import * as fp from 'erlts/fp';
import { closeAll, pair, right } from './support.js';

describe('erlts/fp inet', () => {
  it('reads and sets options, and gives left(einval) for a bad one', async () => {
    const [C, S, LS] = await pair();
    expect(await fp.inet.setopts(C, [['active', 'once']])()).to.deep.equal(E.right(undefined));
    expect(await fp.inet.getopts(C, ['active', 'packet'])()).to.deep.equal(
      E.right([
        ['active', 'once'],
        ['packet', 0],
      ]),
    );
    expect(await fp.inet.setopts(C, [['active', 32768]])()).to.deep.equal(E.left('einval'));
    await closeAll(C, S, LS);
    expect(await fp.inet.getopts(C, ['active'])()).to.deep.equal(E.left('einval'));
  });

  it('gives the addresses of both ends, and left(enotconn) for a listening socket’s peer', async () => {
    const [C, S, LS, Port] = await pair();
    expect(await fp.inet.sockname(LS)()).to.deep.equal(E.right([[127, 0, 0, 1], Port]));
    const [, CPort] = right(await fp.inet.sockname(C)());
    expect(await fp.inet.peername(S)()).to.deep.equal(E.right([[127, 0, 0, 1], CPort]));
    expect(await fp.inet.socknames(S)()).to.deep.equal(E.right(list([[127, 0, 0, 1], Port])));
    expect(await fp.inet.peernames(C)()).to.deep.equal(E.right(list([[127, 0, 0, 1], Port])));
    expect(await fp.inet.peername(LS)()).to.deep.equal(E.left('enotconn'));
    await closeAll(C, S, LS);
    expect(await fp.inet.port(LS)()).to.deep.equal(E.left('einval'));
    expect(await fp.inet.peername(S)()).to.deep.equal(E.left('einval'));
  });

  it('counts bytes with getstat, and gives left(einval) for an unknown counter', async () => {
    const [C, S, LS] = await pair();
    await fp.gen_tcp.send(C, 'abc')();
    await fp.gen_tcp.recv(S, 3, 2000)();
    expect(await fp.inet.getstat(C, ['send_oct'])()).to.deep.equal(E.right(list(['send_oct', 3])));
    expect(await fp.inet.getstat(S, ['nonsense' as 'recv_oct'])()).to.deep.equal(E.left('einval'));
    await closeAll(C, S, LS);
  });

  it('looks hosts up as tasks', async () => {
    expect(await fp.inet.getaddr([127, 0, 0, 1], 'inet')()).to.deep.equal(E.right([127, 0, 0, 1]));
    expect(await fp.inet.getaddrs([127, 0, 0, 1], 'inet')()).to.deep.equal(E.right(list([127, 0, 0, 1])));
    expect(await fp.inet.getaddr([127, 0, 0, 1], 'inet6')()).to.deep.equal(E.left('eafnosupport'));
    expect(await fp.inet.getaddr('', 'inet')()).to.deep.equal(E.left('einval'));
    expect(await fp.inet.gethostbyname([1, 2], 'inet')()).to.deep.equal(E.left('einval'));
    expect(await fp.inet.gethostbyaddr('not an address')()).to.deep.equal(E.left('einval'));
    const Hostent = right(await fp.inet.gethostbyaddr([127, 0, 0, 1], 2000)());
    expect(Hostent.h_addr_list).to.deep.equal(list([127, 0, 0, 1]));
  });

  it('parses and prints addresses at once, as Eithers', () => {
    expect(fp.inet.parse_address('::1')).to.deep.equal(E.right([0, 0, 0, 0, 0, 0, 0, 1]));
    expect(fp.inet.parse_address('127.1')).to.deep.equal(E.right([127, 0, 0, 1]));
    expect(fp.inet.parse_address('no')).to.deep.equal(E.left('einval'));
    expect(fp.inet.parse_strict_address('127.1')).to.deep.equal(E.left('einval'));
    expect(fp.inet.parse_ipv4_address('10.1')).to.deep.equal(E.right([10, 0, 0, 1]));
    expect(fp.inet.parse_ipv4strict_address('10.1')).to.deep.equal(E.left('einval'));
    expect(fp.inet.parse_ipv6_address('10.0.0.1')).to.deep.equal(E.right([0, 0, 0, 0, 0, 0xffff, 0x0a00, 1]));
    expect(fp.inet.parse_ipv6strict_address('10.0.0.1')).to.deep.equal(E.left('einval'));
    expect(fp.inet.ntoa([127, 0, 0, 1])).to.deep.equal(E.right('127.0.0.1'));
    expect(fp.inet.ntoa([1, 2, 3])).to.deep.equal(E.left('einval'));
    expect(E.isRight(fp.inet.gethostname())).to.equal(true);
  });
});
