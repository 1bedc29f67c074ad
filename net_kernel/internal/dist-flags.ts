/**
 * Distribution capability flags: the 64-bit word each node sends in the handshake
 * (kernel/include/dist.hrl, erts/emulator/beam/dist.h). Both nodes then use the intersection.
 *
 * Three sets matter here:
 * - {@link OUR_FLAGS}: what erlts advertises. OTP 25's erts default (`erts_internal:get_dflags()`
 *   gives 16#d07df7fbc) minus the two features the codec does not implement yet: the atom cache
 *   in the distribution header (DIST_HDR_ATOM_CACHE) and fragmented messages (FRAGMENTS). Both
 *   are rejectable in every release (dist.h's DFLAG_DIST_REJECTABLE), so no OTP node refuses us
 *   for lacking them. PUBLISHED is added per connection unless the node is hidden.
 * - the mandatory set each OTP release requires of a peer ({@link MANDATORY_OTP25} and
 *   {@link MANDATORY_OTP26}, which OTP 27 keeps): a peer missing one is refused.
 * - {@link MANDATORY_25_DIGEST}: since OTP 25 one bit stands for all of MANDATORY_OTP25; a
 *   receiver expands it before checking (dist_util:expand_mandatory_25_flag/1).
 *
 * Flags are `bigint`: the high word (SPAWN, NAME_ME, V4_NC, ALIAS) is past 2^32.
 */

/** The node is published: it appears in `nodes()` (not in `nodes(hidden)` only). */
export const PUBLISHED = 0x1n;
/** Obsolete atom cache. */
export const ATOM_CACHE = 0x2n;
/** 3 x 32-bit references (mandatory since OTP 25). */
export const EXTENDED_REFERENCES = 0x4n;
/** Distributed process monitors. */
export const DIST_MONITOR = 0x8n;
/** FUN_EXT tags (mandatory since OTP 25). */
export const FUN_TAGS = 0x10n;
/** Monitors of registered names on other nodes. */
export const DIST_MONITOR_NAME = 0x20n;
/** Obsolete atom cache of hidden nodes. */
export const HIDDEN_ATOM_CACHE = 0x40n;
/** NEW_FUN_EXT (mandatory since OTP 25). */
export const NEW_FUN_TAGS = 0x80n;
/** Extended pids and ports (mandatory since OTP 25). */
export const EXTENDED_PIDS_PORTS = 0x100n;
/** EXPORT_EXT (mandatory since OTP 25). */
export const EXPORT_PTR_TAG = 0x200n;
/** BIT_BINARY_EXT (mandatory since OTP 25). */
export const BIT_BINARIES = 0x400n;
/** NEW_FLOAT_EXT (mandatory since OTP 25). */
export const NEW_FLOATS = 0x800n;
/** Unicode in io requests. */
export const UNICODE_IO = 0x1000n;
/** The atom cache in the distribution header. */
export const DIST_HDR_ATOM_CACHE = 0x2000n;
/** SMALL_ATOM_EXT. */
export const SMALL_ATOM_TAGS = 0x4000n;
/** UTF-8 atoms (mandatory since OTP 25). */
export const UTF8_ATOMS = 0x10000n;
/** MAP_EXT (mandatory since OTP 25). */
export const MAP_TAG = 0x20000n;
/** 32-bit creations: NEW_PID_EXT, NEW_PORT_EXT, NEWER_REFERENCE_EXT (mandatory since OTP 25). */
export const BIG_CREATION = 0x40000n;
/** SEND_SENDER control messages. */
export const SEND_SENDER = 0x80000n;
/** Any term as a seq_trace label. */
export const BIG_SEQTRACE_LABELS = 0x100000n;
/** PAYLOAD_EXIT and friends: the exit reason after the control message. */
export const EXIT_PAYLOAD = 0x400000n;
/** Fragmented distribution messages. */
export const FRAGMENTS = 0x800000n;
/** The version 6 handshake of OTP 23 (mandatory since OTP 25). */
export const HANDSHAKE_23 = 0x1000000n;
/** The new link protocol, UNLINK_ID and UNLINK_ID_ACK (mandatory since OTP 26). */
export const UNLINK_ID = 0x2000000n;
/** Stands for every flag of {@link MANDATORY_OTP25} (OTP 25 and later). */
export const MANDATORY_25_DIGEST = 0x4000000n;
/** SPAWN_REQUEST and SPAWN_REPLY. */
export const SPAWN = 1n << 32n;
/** A dynamic node name, asked of the accepting node. */
export const NAME_ME = 2n << 32n;
/** Node containers version 4: full 32-bit pid fields, 64-bit ports, 5-word references (mandatory since OTP 26). */
export const V4_NC = 4n << 32n;
/** Process aliases: ALIAS_SEND. */
export const ALIAS = 8n << 32n;

/** Every flag by its name in dist_util:dflag2str/1, lowest bit first. */
const FLAG_NAMES: readonly (readonly [bigint, string])[] = [
  [PUBLISHED, 'PUBLISHED'],
  [ATOM_CACHE, 'ATOM_CACHE'],
  [EXTENDED_REFERENCES, 'EXTENDED_REFERENCES'],
  [DIST_MONITOR, 'DIST_MONITOR'],
  [FUN_TAGS, 'FUN_TAGS'],
  [DIST_MONITOR_NAME, 'DIST_MONITOR_NAME'],
  [HIDDEN_ATOM_CACHE, 'HIDDEN_ATOM_CACHE'],
  [NEW_FUN_TAGS, 'NEW_FUN_TAGS'],
  [EXTENDED_PIDS_PORTS, 'EXTENDED_PIDS_PORTS'],
  [EXPORT_PTR_TAG, 'EXPORT_PTR_TAG'],
  [BIT_BINARIES, 'BIT_BINARIES'],
  [NEW_FLOATS, 'NEW_FLOATS'],
  [UNICODE_IO, 'UNICODE_IO'],
  [DIST_HDR_ATOM_CACHE, 'DIST_HDR_ATOM_CACHE'],
  [SMALL_ATOM_TAGS, 'SMALL_ATOM_TAGS'],
  [UTF8_ATOMS, 'UTF8_ATOMS'],
  [MAP_TAG, 'MAP_TAG'],
  [BIG_CREATION, 'BIG_CREATION'],
  [SEND_SENDER, 'SEND_SENDER'],
  [BIG_SEQTRACE_LABELS, 'BIG_SEQTRACE_LABELS'],
  [EXIT_PAYLOAD, 'EXIT_PAYLOAD'],
  [FRAGMENTS, 'FRAGMENTS'],
  [HANDSHAKE_23, 'HANDSHAKE_23'],
  [UNLINK_ID, 'UNLINK_ID'],
  [MANDATORY_25_DIGEST, 'MANDATORY_25_DIGEST'],
  [SPAWN, 'SPAWN'],
  [NAME_ME, 'NAME_ME'],
  [V4_NC, 'V4_NC'],
  [ALIAS, 'ALIAS'],
];

/**
 * The flags OTP 25 requires of every peer: MANDATORY_DFLAGS_25 in OTP 25's kernel/include/dist.hrl
 * and DFLAG_DIST_MANDATORY_25 in erts/emulator/beam/dist.h; `erts_internal:get_dflags()` on OTP
 * 25.2 gives this value (16#1070f94) as its mandatory field.
 */
export const MANDATORY_OTP25 =
  EXTENDED_REFERENCES |
  FUN_TAGS |
  EXTENDED_PIDS_PORTS |
  NEW_FUN_TAGS |
  EXPORT_PTR_TAG |
  BIT_BINARIES |
  NEW_FLOATS |
  UTF8_ATOMS |
  MAP_TAG |
  BIG_CREATION |
  HANDSHAKE_23;

/**
 * The flags OTP 26 and OTP 27 require of every peer: dist.h's `DFLAG_DIST_MANDATORY =
 * DFLAG_DIST_MANDATORY_25 | DFLAG_DIST_MANDATORY_26` with `DFLAG_DIST_MANDATORY_26 =
 * DFLAG_V4_NC | DFLAG_UNLINK_ID` (erts/emulator/beam/dist.h, "New mandatory flags for
 * distribution in OTP 26"; unchanged through OTP 28). MANDATORY_25_DIGEST never became
 * mandatory, whatever the OTP 25 documentation foresaw.
 */
export const MANDATORY_OTP26 = MANDATORY_OTP25 | V4_NC | UNLINK_ID;

/** OTP 27 requires what OTP 26 does (dist.h of OTP 27 and 28 keep DFLAG_DIST_MANDATORY). */
export const MANDATORY_OTP27 = MANDATORY_OTP26;

/**
 * What erlts advertises in every handshake (PUBLISHED added for a visible node): the flags the
 * distribution layer implements. Leaves out DIST_HDR_ATOM_CACHE and FRAGMENTS (not implemented
 * yet; both rejectable by OTP), the obsolete ATOM_CACHE and HIDDEN_ATOM_CACHE, and NAME_ME (a
 * request, not a capability). It holds every flag OTP 25, 26 and 27 make mandatory.
 */
export const OUR_FLAGS =
  EXTENDED_REFERENCES |
  DIST_MONITOR |
  FUN_TAGS |
  DIST_MONITOR_NAME |
  NEW_FUN_TAGS |
  EXTENDED_PIDS_PORTS |
  EXPORT_PTR_TAG |
  BIT_BINARIES |
  NEW_FLOATS |
  UNICODE_IO |
  SMALL_ATOM_TAGS |
  UTF8_ATOMS |
  MAP_TAG |
  BIG_CREATION |
  SEND_SENDER |
  BIG_SEQTRACE_LABELS |
  EXIT_PAYLOAD |
  HANDSHAKE_23 |
  UNLINK_ID |
  MANDATORY_25_DIGEST |
  SPAWN |
  V4_NC |
  ALIAS;

/**
 * What erlts requires of a peer: OTP 25's mandatory set, as an OTP 25 node does. Every OTP 25,
 * 26 and 27 node also sends V4_NC and UNLINK_ID (their erts default), so the stricter
 * {@link MANDATORY_OTP26} would refuse only older or non-OTP peers (an erl_interface C node
 * of OTP 25 and earlier); the control-message layer then meets those without the new link
 * protocol and with 15/13-bit pids.
 */
export const OUR_MANDATORY = MANDATORY_OTP25;

/** The bits that fit the old 'n' send_name: the low 32. */
export const LOW_WORD = 0xffff_ffffn;

/**
 * A peer's flags with MANDATORY_25_DIGEST expanded into the flags it stands for, as the
 * receiving side does before checking them.
 * @example
 * // Flags bor ?MANDATORY_DFLAGS_25 when Flags band ?DFLAG_MANDATORY_25_DIGEST =/= 0
 * expandMandatory25(MANDATORY_25_DIGEST) === (MANDATORY_25_DIGEST | MANDATORY_OTP25);
 * @see dist_util:expand_mandatory_25_flag/1
 */
export function expandMandatory25(flags: bigint): bigint {
  return (flags & MANDATORY_25_DIGEST) !== 0n ? flags | MANDATORY_OTP25 : flags;
}

/** A flag's name in dist_util:dflag2str/1, or `UNKNOWN<hex>` as it prints others. */
function nameOf(bit: bigint): string {
  for (const [b, name] of FLAG_NAMES) if (b === bit) return name;
  return `UNKNOWN<${bit.toString(16).toUpperCase()}>`;
}

/**
 * The mandatory flags a peer lacks, named as dist_util:dflag2str/1 names them and listed as
 * check_mandatory/3 lists them (highest bit first), for the log line and the failure reason.
 * @param mandatory - what must be there
 * @param peerFlags - what the peer sent (expanded)
 * @example
 * // check_mandatory(?DFLAG_V4_NC bor ?DFLAG_UNLINK_ID, 0, []) =:= ["V4_NC", "UNLINK_ID"]
 * missingFlags(V4_NC | UNLINK_ID, 0n); // ['V4_NC', 'UNLINK_ID']
 */
export function missingFlags(mandatory: bigint, peerFlags: bigint): string[] {
  const missing: string[] = [];
  let left = mandatory & ~peerFlags;
  for (let bit = 1n; left !== 0n; bit <<= 1n) {
    if ((left & bit) === 0n) continue;
    missing.unshift(nameOf(bit));
    left &= ~bit;
  }
  return missing;
}

/**
 * The names of the flags set in `flags`, lowest bit first (unknown bits as `UNKNOWN<hex>`).
 * @param flags - a flag word
 */
export function flagNames(flags: bigint): string[] {
  const names: string[] = [];
  let left = flags;
  for (let bit = 1n; left !== 0n; bit <<= 1n) {
    if ((left & bit) === 0n) continue;
    names.push(nameOf(bit));
    left &= ~bit;
  }
  return names;
}
