import { expect } from 'chai';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkCookie,
  cookiePaths,
  createCookieFile,
  defaultCookie,
  readCookieFile,
} from '../../net_kernel/internal/cookie.js';
import { EpmdServer } from '../../net_kernel/internal/epmd-server.js';
import {
  domainName,
  makeNodeName,
  shortHostname,
  splitNodeName,
} from '../../net_kernel/internal/node-name.js';
import { ErlNode, haveErlang, noErlang, tempDir } from './support.js';

describe('node names', () => {
  it('makes name@shorthost for shortnames and name@host.domain for longnames', () => {
    const host = { hostname: 'vm.example.org', resolvConf: null };
    expect(makeNodeName('a', 'shortnames', host)).to.equal('a@vm');
    expect(makeNodeName('a', 'longnames', host)).to.equal('a@vm.example.org');
    expect(
      makeNodeName('a', 'longnames', { hostname: 'vm', resolvConf: 'nameserver 1.1.1.1\ndomain lan\n' }),
    ).to.equal('a@vm.lan');
    expect(
      makeNodeName('a', 'longnames', { hostname: 'vm', resolvConf: 'search corp.example x.y\n' }),
    ).to.equal('a@vm.corp.example');
    expect(makeNodeName('a@other', 'shortnames', host)).to.equal('a@other');
    expect(makeNodeName('a@1.2.3.4', 'longnames', host)).to.equal('a@1.2.3.4');
  });

  it("refuses what net_kernel refuses, with OTP's info line", () => {
    const host = { hostname: 'vm', resolvConf: null };
    expect(makeNodeName('a b', 'shortnames', host)).to.deep.equal({
      error: 'badarg',
      log: 'Invalid node name!\nPlease check your configuration\n',
    });
    expect(makeNodeName('', 'shortnames', host)).to.have.property('error', 'badarg');
    expect(makeNodeName('a@b.c', 'shortnames', host)).to.deep.equal({
      error: 'badarg',
      log: "Can't set short node name!\nPlease check your configuration\n",
    });
    expect(makeNodeName('a', 'longnames', host)).to.deep.equal({
      error: 'badarg',
      log: "Can't set long node name!\nPlease check your configuration\n",
    });
    expect(makeNodeName('a@h st', 'longnames', host)).to.have.property('error', 'badarg');
    expect(makeNodeName('x'.repeat(300), 'shortnames', host)).to.have.property('error', 'badarg');
  });

  it('splits node names as dist_util:split_node does', () => {
    expect(splitNodeName('a@h')).to.deep.equal(['a', 'h']);
    expect(splitNodeName('a')).to.equal(null);
    expect(splitNodeName('@h')).to.equal(null);
    expect(splitNodeName('a@b@c')).to.equal(null);
  });

  it('reads the domain from the host name first', () => {
    expect(domainName({ hostname: 'a.b.c', resolvConf: 'domain z' })).to.equal('b.c');
    expect(domainName({ hostname: 'a', resolvConf: null })).to.equal(null);
    expect(shortHostname({ hostname: 'a.b.c' })).to.equal('a');
  });

  describe('against erl -sname', function () {
    let epmd: EpmdServer;
    before(async function () {
      if (!haveErlang) {
        console.log(`      ${noErlang}`);
        this.skip();
      }
      const s = await EpmdServer.listen({ port: 0, address: '127.0.0.1' });
      if (!(s instanceof EpmdServer)) throw new Error(String(s.error));
      epmd = s;
    });
    after(async () => {
      await epmd?.close();
    });

    it('gives the node name erl gives', async () => {
      const home = tempDir('erlts-home-');
      const erl = await ErlNode.start({
        sname: 'namecheck',
        cookie: 'c',
        epmdPort: epmd.port,
        env: { HOME: home.path },
      });
      try {
        expect(makeNodeName('namecheck', 'shortnames')).to.equal(erl.node);
        expect(await erl.eval('list_to_atom(element(2, inet:gethostname()))')).to.equal(shortHostname());
      } finally {
        await erl.stop();
        home.cleanup();
      }
    });

    it('makes a cookie file as erl makes it', async () => {
      const erlHome = tempDir('erlts-home-');
      const ourHome = tempDir('erlts-home-');
      const erl = await ErlNode.start({
        sname: 'cookiecheck',
        epmdPort: epmd.port,
        env: { HOME: erlHome.path },
      });
      try {
        const theirs = join(erlHome.path, '.erlang.cookie');
        const cookie = await erl.eval('erlang:get_cookie()');
        expect(cookie).to.equal(`'${readFileSync(theirs, 'latin1')}'`); // an atom as ~w prints it
        const ours = defaultCookie({ HOME: ourHome.path });
        expect(ours)
          .to.have.property('cookie')
          .that.matches(/^[A-Z]{20}$/);
        const a = statSync(theirs);
        const b = statSync(join(ourHome.path, '.erlang.cookie'));
        expect(b.mode & 0o777)
          .to.equal(a.mode & 0o777)
          .and.equal(0o400);
        expect(b.size).to.equal(a.size).and.equal(20);
        expect(b.mtime.getTime()).to.equal(a.mtime.getTime()); // both at today's midnight
      } finally {
        await erl.stop();
        erlHome.cleanup();
        ourHome.cleanup();
      }
    });

    it('refuses a cookie file others can read, as erl does', async () => {
      const home = tempDir('erlts-home-');
      const file = join(home.path, '.erlang.cookie');
      writeFileSync(file, 'OPENCOOKIE');
      chmodSync(file, 0o644);
      const erl = await ErlNode.start({
        sname: 'permcheck',
        epmdPort: epmd.port,
        env: { HOME: home.path },
      }).catch((e: Error) => e.message);
      try {
        const message = `Cookie file ${file} must be accessible by owner only`;
        expect(typeof erl === 'string' ? erl : erl.output).to.include(message);
        expect(defaultCookie({ HOME: home.path })).to.deep.equal({ error: message });
      } finally {
        if (typeof erl !== 'string') await erl.stop();
        home.cleanup();
      }
    });
  });
});

describe('cookie file', () => {
  it('reads a cookie as auth:check_cookie does', () => {
    expect(checkCookie(Buffer.from('ABC\n'))).to.deep.equal({ cookie: 'ABC' });
    expect(checkCookie(Buffer.from('AB C \r\n \n'))).to.deep.equal({ cookie: 'AB C ' });
    expect(checkCookie(Buffer.from('\n'))).to.deep.equal({ error: 'Too short cookie string' });
    expect(checkCookie(Buffer.from('AB\nCD'))).to.deep.equal({ error: 'Bad characters in cookie' });
    expect(checkCookie(Buffer.from([0x41, 0xe9]))).to.deep.equal({ error: 'Bad characters in cookie' });
  });

  it('takes $HOME/.erlang.cookie, then the XDG one, else makes the first', () => {
    const home = tempDir('erlts-home-');
    try {
      const env = { HOME: home.path };
      const [homePath, xdgPath] = cookiePaths(env);
      expect(xdgPath).to.equal(join(home.path, '.config', 'erlang', '.erlang.cookie'));
      mkdirSync(join(home.path, '.config', 'erlang'), { recursive: true });
      writeFileSync(xdgPath, 'XDGCOOKIE', { mode: 0o400 });
      expect(defaultCookie(env)).to.deep.equal({ cookie: 'XDGCOOKIE' });
      writeFileSync(homePath as string, 'HOMECOOKIE', { mode: 0o400 });
      expect(defaultCookie(env)).to.deep.equal({ cookie: 'HOMECOOKIE' });
    } finally {
      home.cleanup();
    }
  });

  it('says why a cookie file cannot be made or read', () => {
    const home = tempDir('erlts-home-');
    try {
      const file = join(home.path, 'plain');
      writeFileSync(file, 'x');
      const under = join(file, 'sub');
      // HOME under a regular file: stat fails with enotdir before anything is made (as erl says).
      expect(defaultCookie({ HOME: under })).to.deep.equal({
        error: `Error when reading ${join(under, '.erlang.cookie')}: enotdir`,
      });
      expect(createCookieFile(join(under, 'c'))).to.equal(
        `Failed to create cookie file '${join(under, 'c')}': enotdir`,
      );
      expect(readCookieFile(home.path)).to.deep.equal({
        error: `Cookie file ${home.path} is of type directory`,
      });
      expect(readCookieFile(join(home.path, 'none'))).to.equal('enoent');
    } finally {
      home.cleanup();
    }
  });
});
