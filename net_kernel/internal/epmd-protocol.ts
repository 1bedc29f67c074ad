/**
 * The EPMD protocol as bytes: requests a node or a client sends to the Erlang Port Mapper
 * Daemon and its answers (ERTS User's Guide, "Distribution Protocol", EPMD Protocol). Pure
 * functions over Buffers; erl_epmd.erl is the client these mirror, erts/epmd/src/epmd_srv.c
 * the server.
 *
 * Every request is `Length:16, Request`; answers have no length prefix:
 *
 *   ALIVE2_REQ   120 Port:16 NodeType:8 Protocol:8 High:16 Low:16 Nlen:16 Name Elen:16 Extra
 *   ALIVE2_X_RESP 118 Result:8 Creation:32      (to a node of version 6 and later)
 *   ALIVE2_RESP   121 Result:8 Creation:16      (older nodes)
 *   PORT_PLEASE2_REQ 122 Name
 *   PORT2_RESP   119 Result:8 [Port:16 NodeType:8 Protocol:8 High:16 Low:16 Nlen:16 Name Elen:16 Extra]
 *   NAMES_REQ    110        -> EpmdPort:32, then "name N at port P\n" per node, then close
 */

/** ALIVE2_REQ ('x'): register a node (erl_epmd.hrl's EPMD_ALIVE2_REQ). */
export const ALIVE2_REQ = 120;
/** ALIVE2_X_RESP ('v'): the registration's answer with a 32-bit creation. */
export const ALIVE2_X_RESP = 118;
/** ALIVE2_RESP ('y'): the registration's answer with a 16-bit creation (version 5 nodes). */
export const ALIVE2_RESP = 121;
/** PORT_PLEASE2_REQ ('z'): where does a node listen? */
export const PORT_PLEASE2_REQ = 122;
/** PORT2_RESP ('w'): the answer to PORT_PLEASE2_REQ. */
export const PORT2_RESP = 119;
/** NAMES_REQ ('n'): list the registered names. */
export const NAMES_REQ = 110;
/** DUMP_REQ ('d'): list everything (a debugging aid, local peers only). */
export const DUMP_REQ = 100;
/** KILL_REQ ('k'): stop EPMD (local peers only; refused while nodes are registered). */
export const KILL_REQ = 107;
/** STOP_REQ ('s'): unregister a name (needs epmd -relaxed_command_check). */
export const STOP_REQ = 115;

/** EPMD's well-known port. */
export const EPMD_DEFAULT_PORT = 4369;
/** Node type of a normal Erlang node ('M'); OTP registers every node, hidden or not, as 77. */
export const NODE_TYPE_NORMAL = 77;
/** Node type of a hidden node or C node ('H'). */
export const NODE_TYPE_HIDDEN = 72;
/** Protocol 0: TCP/IPv4. */
export const PROTOCOL_TCP = 0;
/** The distribution protocol version OTP 23 and later speak (dist.hrl's ERL_DIST_VER_6). */
export const DIST_VERSION = 6;
/** epmd_int.h: a node name is at most 255 characters, UTF-8 encoded. */
export const MAX_NAME_BYTES = 255 * 4;

/** What a node registers: the ALIVE2_REQ fields. */
export interface NodeRegistration {
  /** The name before `@`. */
  readonly name: string;
  /** The port its distribution listener accepts on. */
  readonly port: number;
  readonly nodeType: number;
  readonly protocol: number;
  readonly highestVersion: number;
  readonly lowestVersion: number;
  readonly extra: Buffer;
}

/** A node as PORT2_RESP describes it. */
export type NodePort = NodeRegistration;

/** A malformed EPMD message: the reason is the Erlang term OTP's client gives. */
export class EpmdProtocolError extends Error {
  constructor(
    readonly reason: unknown,
    message: string,
  ) {
    super(message);
    this.name = 'EpmdProtocolError';
  }
}

function withLength(body: Buffer): Buffer {
  const out = Buffer.allocUnsafe(2 + body.length);
  out.writeUInt16BE(body.length, 0);
  body.copy(out, 2);
  return out;
}

/** The body of a registration (ALIVE2_REQ and PORT2_RESP share it after their first bytes). */
function nodeFields(r: NodeRegistration, name: Buffer): Buffer {
  const out = Buffer.allocUnsafe(12 + name.length + r.extra.length);
  out.writeUInt16BE(r.port, 0);
  out.writeUInt8(r.nodeType, 2);
  out.writeUInt8(r.protocol, 3);
  out.writeUInt16BE(r.highestVersion, 4);
  out.writeUInt16BE(r.lowestVersion, 6);
  out.writeUInt16BE(name.length, 8);
  name.copy(out, 10);
  out.writeUInt16BE(r.extra.length, 10 + name.length);
  r.extra.copy(out, 12 + name.length);
  return out;
}

/**
 * ALIVE2_REQ with its length: registers `r.name` at `r.port`.
 * @see erl_epmd:do_register_node/3
 */
export function encodeAlive2Req(r: NodeRegistration): Buffer {
  return withLength(Buffer.concat([Buffer.of(ALIVE2_REQ), nodeFields(r, Buffer.from(r.name, 'utf8'))]));
}

/** The answer to ALIVE2_REQ: `ok` with the node's creation, or the error EPMD gave. */
export type Alive2Result =
  { readonly ok: true; readonly creation: number } | { readonly ok: false; readonly result: number };

/**
 * Reads ALIVE2_X_RESP (4-byte creation) or ALIVE2_RESP (2-byte creation, an old EPMD).
 * @returns the result and the bytes it used, or `null` while the answer is incomplete
 * @throws EpmdProtocolError for bytes that are neither (`{garbage_from_epmd, Bytes}` in OTP)
 */
export function decodeAlive2Resp(data: Buffer): { result: Alive2Result; used: number } | null {
  if (data.length === 0) return null;
  const tag = data[0];
  const size = tag === ALIVE2_X_RESP ? 6 : tag === ALIVE2_RESP ? 4 : -1;
  if (size < 0) throw garbage(data);
  if (data.length < size) return null;
  const code = data.readUInt8(1);
  const creation = size === 6 ? data.readUInt32BE(2) : data.readUInt16BE(2);
  return { result: code === 0 ? { ok: true, creation } : { ok: false, result: code }, used: size };
}

function garbage(data: Buffer): EpmdProtocolError {
  return new EpmdProtocolError(
    ['garbage_from_epmd', [...data.subarray(0, 64)]],
    `EPMD answered with unexpected bytes ${data.subarray(0, 16).toString('hex')}`,
  );
}

/**
 * PORT_PLEASE2_REQ with its length: asks for the port of node `name` (the part before `@`).
 * @see erl_epmd:get_port/3
 */
export function encodePortPlease2Req(name: string): Buffer {
  return withLength(Buffer.concat([Buffer.of(PORT_PLEASE2_REQ), Buffer.from(name, 'utf8')]));
}

/** The answer to PORT_PLEASE2_REQ: the node, or `noport` when EPMD knows no such name. */
export type Port2Result =
  { readonly ok: true; readonly node: NodePort } | { readonly ok: false; readonly result: number };

/**
 * Reads PORT2_RESP.
 * @returns the result and the bytes used, or `null` while incomplete
 * @throws EpmdProtocolError for another tag or field lengths past the answer
 */
export function decodePort2Resp(data: Buffer): { result: Port2Result; used: number } | null {
  if (data.length === 0) return null;
  if (data[0] !== PORT2_RESP) throw garbage(data);
  if (data.length < 2) return null;
  const code = data.readUInt8(1);
  if (code !== 0) return { result: { ok: false, result: code }, used: 2 };
  if (data.length < 12) return null;
  const nameLength = data.readUInt16BE(10);
  if (data.length < 14 + nameLength) return null;
  const extraLength = data.readUInt16BE(12 + nameLength);
  const end = 14 + nameLength + extraLength;
  if (data.length < end) return null;
  return {
    result: {
      ok: true,
      node: {
        port: data.readUInt16BE(2),
        nodeType: data.readUInt8(4),
        protocol: data.readUInt8(5),
        highestVersion: data.readUInt16BE(6),
        lowestVersion: data.readUInt16BE(8),
        name: data.toString('utf8', 12, 12 + nameLength),
        extra: Buffer.from(data.subarray(14 + nameLength, end)),
      },
    },
    used: end,
  };
}

/** NAMES_REQ with its length. */
export function encodeNamesReq(): Buffer {
  return Buffer.of(0, 1, NAMES_REQ);
}

/**
 * Reads a complete NAMES_RESP (everything EPMD wrote before closing): EPMD's port, then the
 * `name N at port P` lines, which it parses as erl_epmd:scan_names/2 does (lines that do not
 * parse are skipped; a name ends at its first space).
 * @returns EPMD's port and `[Name, Port]` pairs in the order EPMD listed them
 * @throws EpmdProtocolError when fewer than 4 bytes came
 */
export function decodeNamesResp(data: Buffer): { epmdPort: number; names: [string, number][] } {
  if (data.length < 4) throw garbage(data);
  const epmdPort = data.readUInt32BE(0);
  const names: [string, number][] = [];
  for (const line of data.toString('utf8', 4).split('\n').slice(0, -1)) {
    const m = /^name ([^ ]*) at port (-?\d+)$/.exec(line);
    if (m !== null) names.push([m[1] ?? '', Number(m[2])]);
  }
  return { epmdPort, names };
}

/** ALIVE2_X_RESP or ALIVE2_RESP, as epmd_srv.c answers a node of `highestVersion`. */
export function encodeAlive2Resp(highestVersion: number, result: number, creation: number): Buffer {
  if (highestVersion >= DIST_VERSION) {
    const out = Buffer.allocUnsafe(6);
    out.writeUInt8(ALIVE2_X_RESP, 0);
    out.writeUInt8(result, 1);
    out.writeUInt32BE(creation >>> 0, 2);
    return out;
  }
  const out = Buffer.allocUnsafe(4);
  out.writeUInt8(ALIVE2_RESP, 0);
  out.writeUInt8(result, 1);
  out.writeUInt16BE(creation & 0xffff, 2);
  return out;
}

/** PORT2_RESP for a registered node, or the one-byte error answer when `node` is null. */
export function encodePort2Resp(node: NodePort | null): Buffer {
  if (node === null) return Buffer.of(PORT2_RESP, 1);
  const name = Buffer.from(node.name, 'utf8');
  return Buffer.concat([Buffer.of(PORT2_RESP, 0), nodeFields(node, name)]);
}

/** The head of NAMES_RESP: EPMD's own port, 4 bytes. */
export function encodeNamesHead(epmdPort: number): Buffer {
  const out = Buffer.allocUnsafe(4);
  out.writeUInt32BE(epmdPort, 0);
  return out;
}

/** One line of NAMES_RESP, exactly as epmd_srv.c prints it. */
export function encodeNamesLine(name: string, port: number): Buffer {
  return Buffer.from(`name ${name} at port ${port}\n`, 'utf8');
}

/** A request EPMD received, decoded. */
export type EpmdRequest =
  | { readonly kind: 'alive2'; readonly node: NodeRegistration }
  | { readonly kind: 'port_please2'; readonly name: string }
  | { readonly kind: 'names' }
  | { readonly kind: 'dump' }
  | { readonly kind: 'kill' }
  | { readonly kind: 'stop'; readonly name: string }
  | { readonly kind: 'garbage'; readonly why: string };

/** Whether `bytes` are well-formed UTF-8 (epmd_srv.c's verify_utf8), and how many characters. */
function utf8Length(bytes: Buffer): number {
  const text = bytes.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(bytes)) return -1;
  return [...text].length;
}

/**
 * Decodes one request body (after its length), with epmd_srv.c's checks: a body it would
 * refuse comes back as `garbage` with the reason it logs.
 */
export function decodeRequest(body: Buffer): EpmdRequest {
  switch (body[0]) {
    case ALIVE2_REQ: {
      if (body.length <= 13) return { kind: 'garbage', why: 'packet to small for request ALIVE2_REQ' };
      const nameLength = body.readUInt16BE(9);
      if (nameLength + 13 > body.length)
        return { kind: 'garbage', why: 'Node name size error in ALIVE2_REQ' };
      const extraLength = body.readUInt16BE(11 + nameLength);
      if (extraLength + nameLength + 13 > body.length) {
        return { kind: 'garbage', why: 'Extra info size error in ALIVE2_REQ' };
      }
      const nameBytes = body.subarray(11, 11 + nameLength);
      if (nameBytes.includes(0)) return { kind: 'garbage', why: 'node name contains ascii 0 in ALIVE2_REQ' };
      if (nameLength > MAX_NAME_BYTES) return { kind: 'garbage', why: 'node name is too long' };
      const chars = utf8Length(nameBytes);
      if (chars < 0) return { kind: 'garbage', why: 'invalid node name encoding' };
      if (chars > 255) return { kind: 'garbage', why: 'node name is too long' };
      if (extraLength > MAX_NAME_BYTES) return { kind: 'garbage', why: 'extra data is too long' };
      return {
        kind: 'alive2',
        node: {
          port: body.readUInt16BE(1),
          nodeType: body.readUInt8(3),
          protocol: body.readUInt8(4),
          highestVersion: body.readUInt16BE(5),
          lowestVersion: body.readUInt16BE(7),
          name: nameBytes.toString('utf8'),
          extra: Buffer.from(body.subarray(13 + nameLength, 13 + nameLength + extraLength)),
        },
      };
    }
    case PORT_PLEASE2_REQ: {
      let end = body.length;
      if (body[end - 1] === 0) end--;
      if (end <= 1) return { kind: 'garbage', why: 'packet too small for request PORT2_REQ' };
      const name = body.subarray(1, end);
      if (name.includes(0)) return { kind: 'garbage', why: 'node name contains ascii 0 in PORT2_REQ' };
      const chars = utf8Length(name);
      if (chars < 1 || chars > 255) return { kind: 'garbage', why: 'invalid node name in PORT2_REQ' };
      return { kind: 'port_please2', name: name.toString('utf8') };
    }
    case NAMES_REQ:
      return { kind: 'names' };
    case DUMP_REQ:
      return { kind: 'dump' };
    case KILL_REQ:
      return { kind: 'kill' };
    case STOP_REQ:
      return { kind: 'stop', name: body.toString('utf8', 1) };
    default:
      return { kind: 'garbage', why: 'got garbage' };
  }
}

/** epmd_int.h: the largest request EPMD reads (INBUF_SIZE = 3 * MAXSYMLEN). */
export const MAX_REQUEST = 3 * MAX_NAME_BYTES;

/**
 * Splits EPMD's input into its one request, as epmd_srv.c's do_read does: a 2-byte length,
 * then that many bytes. A length under 1 or past {@link MAX_REQUEST}, or bytes after the
 * request, make the connection bad (EPMD closes it).
 * @returns the body once complete, `null` while incomplete, or `'bad'`
 */
export function takeRequest(data: Buffer): Buffer | null | 'bad' {
  if (data.length < 2) return null;
  const want = data.readUInt16BE(0) + 2;
  if (want < 3 || want >= MAX_REQUEST) return 'bad';
  if (data.length > want) return 'bad';
  if (data.length < want) return null;
  return data.subarray(2);
}
