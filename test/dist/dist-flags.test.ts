import { expect } from 'chai';
import * as F from '../../net_kernel/internal/dist-flags.js';

/** OTP 25.2's `erts_internal:get_dflags()` here: {erts_dflags, Default, Mandatory, Addable, Rejectable, StrictOrder}. */
const OTP25_DEFAULT = 0xd07df7fbcn;
const OTP25_REJECTABLE = 0x802042n;

describe('distribution flags', () => {
  it('has the values of kernel/include/dist.hrl', () => {
    expect(F.PUBLISHED).to.equal(0x1n);
    expect(F.DIST_HDR_ATOM_CACHE).to.equal(0x2000n);
    expect(F.HANDSHAKE_23).to.equal(0x1000000n);
    expect(F.UNLINK_ID).to.equal(0x2000000n);
    expect(F.MANDATORY_25_DIGEST).to.equal(0x4000000n);
    expect(F.SPAWN).to.equal(0x100000000n);
    expect(F.NAME_ME).to.equal(0x200000000n);
    expect(F.V4_NC).to.equal(0x400000000n);
    expect(F.ALIAS).to.equal(0x800000000n);
  });

  it('takes OTP 25 mandatory set from erts (16#1070f94)', () => {
    expect(F.MANDATORY_OTP25).to.equal(0x1070f94n);
  });

  it('requires V4_NC and UNLINK_ID from OTP 26 on, and nothing more in OTP 27', () => {
    expect(F.MANDATORY_OTP26).to.equal(F.MANDATORY_OTP25 | F.V4_NC | F.UNLINK_ID);
    expect(F.MANDATORY_OTP27).to.equal(F.MANDATORY_OTP26);
  });

  it("advertises OTP 25's default minus the atom cache header and fragments", () => {
    expect(F.OUR_FLAGS).to.equal(OTP25_DEFAULT & ~(F.DIST_HDR_ATOM_CACHE | F.FRAGMENTS));
    // What it leaves out, OTP lets any distribution implementation reject.
    expect(OTP25_DEFAULT & ~F.OUR_FLAGS & ~OTP25_REJECTABLE).to.equal(0n);
  });

  it('holds every flag OTP 25, 26 and 27 require', () => {
    for (const m of [F.MANDATORY_OTP25, F.MANDATORY_OTP26, F.MANDATORY_OTP27]) {
      expect(F.missingFlags(m, F.OUR_FLAGS)).to.deep.equal([]);
    }
  });

  it('expands MANDATORY_25_DIGEST into the flags it stands for', () => {
    expect(F.expandMandatory25(F.MANDATORY_25_DIGEST)).to.equal(F.MANDATORY_25_DIGEST | F.MANDATORY_OTP25);
    expect(F.expandMandatory25(F.PUBLISHED)).to.equal(F.PUBLISHED);
  });

  it('names missing flags as dist_util does, highest bit first', () => {
    expect(F.missingFlags(F.MANDATORY_OTP26, F.MANDATORY_OTP25)).to.deep.equal(['V4_NC', 'UNLINK_ID']);
    expect(F.missingFlags(1n << 40n, 0n)).to.deep.equal(['UNKNOWN<10000000000>']);
    expect(F.flagNames(F.PUBLISHED | F.ALIAS)).to.deep.equal(['PUBLISHED', 'ALIAS']);
  });
});
