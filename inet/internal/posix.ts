/**
 * POSIX error atoms: the one table that turns a Node error into the lowercase
 * atom OTP would give for the same failure, and `inet:format_error/1`.
 *
 * Node reports failures three ways, and the table covers all of them:
 *
 * - libuv and the kernel: `err.code` is the errno name (`'ECONNREFUSED'`,
 *   `'EADDRINUSE'`, ...). OTP's drivers name errnos the same way, lowercased,
 *   so these map to themselves in lower case (`erl_errno_id/1`).
 * - the resolver: `getaddrinfo`/`getnameinfo` (`EAI_*`, or `'ENOTFOUND'` that
 *   Node makes of `EAI_NONAME`) and c-ares (`'ESERVFAIL'`, `'ETIMEOUT'`, ...).
 *   OTP's `inet:gethostbyname_tm/5` turns every resolver failure into
 *   `nxdomain` once the lookup methods are exhausted, and a malformed query
 *   (`formerr`) into `einval`; so do we. An `'ECONNREFUSED'` or `'ENODATA'`
 *   raised by a DNS call (`err.syscall` is a resolver function) is a resolver
 *   failure too, not a socket one.
 * - Node's own argument and state checks (`'ERR_SOCKET_CLOSED'`,
 *   `'ERR_SOCKET_BAD_PORT'`, ...): the atom OTP gives for the same misuse
 *   (`closed` for a closed socket, `einval` for a bad argument).
 *
 * What the table does not know: an unknown `E...` code maps to its lower-case
 * self (what OTP would print for that errno), any other unknown `ERR_...` code
 * to `einval` (Node raises those for bad arguments), and anything without a
 * code to `unknown` (what `erl_errno_id` gives an errno it cannot name).
 *
 * @module
 */

/** The resolver calls whose errors mean "the name could not be resolved". */
const resolverSyscalls =
  /^(getaddrinfo|getnameinfo|getHostByAddr|query|queryA|queryAaaa|queryAny|queryCaa|queryCname|queryMx|queryNaptr|queryNs|queryPtr|querySoa|querySrv|queryTxt|resolve)/;

/**
 * Node error codes whose atom is not simply the code in lower case.
 * Every other `E...` code (all of libuv's and the kernel's errno names) maps to
 * itself lowercased; {@link knownErrnoCodes} lists them.
 */
const specialCodes: Readonly<Record<string, NodeFailure>> = {
  // getaddrinfo / getnameinfo (libuv's UV_EAI_*; Node renames EAI_NONAME to ENOTFOUND)
  ENOTFOUND: 'nxdomain',
  EAI_NONAME: 'nxdomain',
  EAI_NODATA: 'nxdomain',
  EAI_AGAIN: 'nxdomain',
  EAI_FAIL: 'nxdomain',
  EAI_ADDRFAMILY: 'nxdomain',
  EAI_FAMILY: 'einval',
  EAI_BADFLAGS: 'einval',
  EAI_BADHINTS: 'einval',
  EAI_PROTOCOL: 'einval',
  EAI_SERVICE: 'einval',
  EAI_SOCKTYPE: 'einval',
  EAI_OVERFLOW: 'einval',
  EAI_MEMORY: 'enomem',
  EAI_CANCELED: 'timeout',
  // c-ares (dns.Resolver, dns.reverse, dns.resolve*)
  ESERVFAIL: 'nxdomain',
  EREFUSED: 'nxdomain',
  ENONAME: 'nxdomain',
  ETIMEOUT: 'nxdomain',
  EBADRESP: 'nxdomain',
  ENOTIMP: 'nxdomain',
  EFILE: 'nxdomain',
  ENOTINITIALIZED: 'nxdomain',
  EDESTRUCTION: 'nxdomain',
  ELOADIPHLPAPI: 'nxdomain',
  EADDRGETNETWORKPARAMS: 'nxdomain',
  EFORMERR: 'einval',
  EBADNAME: 'einval',
  EBADQUERY: 'einval',
  EBADSTR: 'einval',
  EBADFAMILY: 'einval',
  EBADFLAGS: 'einval',
  ECANCELLED: 'timeout',
  // libuv codes that are not errnos
  EOF: 'closed',
  ECHARSET: 'einval',
  UNKNOWN: 'unknown',
  // Node's own state and argument checks
  ERR_SOCKET_CLOSED: 'closed',
  ERR_SOCKET_CLOSED_BEFORE_CONNECTION: 'closed',
  ERR_STREAM_DESTROYED: 'closed',
  ERR_STREAM_WRITE_AFTER_END: 'closed',
  ERR_STREAM_PREMATURE_CLOSE: 'closed',
  ERR_SOCKET_DGRAM_NOT_RUNNING: 'closed',
  ERR_SERVER_NOT_RUNNING: 'closed',
  ERR_SOCKET_DGRAM_NOT_CONNECTED: 'enotconn',
  ERR_SOCKET_DGRAM_IS_CONNECTED: 'eisconn',
  ERR_SOCKET_CONNECTION_TIMEOUT: 'etimedout',
  ERR_SOCKET_ALREADY_BOUND: 'einval',
  ERR_SERVER_ALREADY_LISTEN: 'einval',
  ERR_SOCKET_BAD_PORT: 'einval',
  ERR_SOCKET_BAD_TYPE: 'einval',
  ERR_SOCKET_BAD_BUFFER_SIZE: 'einval',
  ERR_SOCKET_BUFFER_SIZE: 'einval',
  ERR_INVALID_IP_ADDRESS: 'einval',
  ERR_INVALID_ADDRESS_FAMILY: 'eafnosupport',
  ERR_INVALID_ARG_TYPE: 'einval',
  ERR_INVALID_ARG_VALUE: 'einval',
  ERR_OUT_OF_RANGE: 'einval',
  ERR_MISSING_ARGS: 'einval',
};

/** The resolver codes that stay what they are when no resolver raised them. */
const resolverOnly = new Set(['ENODATA', 'ECONNREFUSED', 'ENOMEM']);

/**
 * Every errno name libuv (and so Node) can report on the platforms Node 20
 * supports; each maps to itself in lower case.
 */
export const knownErrnoCodes: readonly string[] = [
  'E2BIG', 'EACCES', 'EADDRINUSE', 'EADDRNOTAVAIL', 'EAFNOSUPPORT', 'EAGAIN', 'EALREADY', 'EBADF',
  'EBADMSG', 'EBUSY', 'ECANCELED', 'ECHILD', 'ECONNABORTED', 'ECONNREFUSED', 'ECONNRESET', 'EDEADLK',
  'EDESTADDRREQ', 'EDOM', 'EDQUOT', 'EEXIST', 'EFAULT', 'EFBIG', 'EFTYPE', 'EHOSTDOWN', 'EHOSTUNREACH',
  'EIDRM', 'EILSEQ', 'EINPROGRESS', 'EINTR', 'EINVAL', 'EIO', 'EISCONN', 'EISDIR', 'ELOOP', 'EMFILE',
  'EMLINK', 'EMSGSIZE', 'EMULTIHOP', 'ENAMETOOLONG', 'ENETDOWN', 'ENETRESET', 'ENETUNREACH', 'ENFILE',
  'ENOBUFS', 'ENODATA', 'ENODEV', 'ENOENT', 'ENOEXEC', 'ENOLCK', 'ENOLINK', 'ENOMEM', 'ENOMSG', 'ENONET',
  'ENOPROTOOPT', 'ENOSPC', 'ENOSR', 'ENOSTR', 'ENOSYS', 'ENOTCONN', 'ENOTDIR', 'ENOTEMPTY', 'ENOTSOCK',
  'ENOTSUP', 'ENOTTY', 'ENXIO', 'EOPNOTSUPP', 'EOVERFLOW', 'EPERM', 'EPIPE', 'EPROTO', 'EPROTONOSUPPORT',
  'EPROTOTYPE', 'ERANGE', 'EREMOTEIO', 'EROFS', 'ESHUTDOWN', 'ESOCKTNOSUPPORT', 'ESPIPE', 'ESRCH',
  'ESTALE', 'ETIME', 'ETIMEDOUT', 'ETXTBSY', 'EUNATCH', 'EWOULDBLOCK', 'EXDEV',
]; // prettier-ignore

/** The codes {@link posixFromNodeCode} treats specially, for tests and docs. */
export const specialNodeCodes: Readonly<Record<string, NodeFailure>> = specialCodes;

/**
 * The POSIX atom for a Node error code, given the call that failed.
 *
 * @param code - Node's `err.code` (`'ECONNREFUSED'`, `'ENOTFOUND'`, `'ERR_SOCKET_CLOSED'`, ...).
 * @param syscall - Node's `err.syscall` when known (`'connect'`, `'getaddrinfo'`, ...).
 * @returns The lowercase atom, e.g. `'econnrefused'`, `'nxdomain'`, `'closed'`.
 */
export function posixFromNodeCode(code: string, syscall?: string): NodeFailure {
  const fromResolver = syscall !== undefined && resolverSyscalls.test(syscall);
  if (fromResolver && resolverOnly.has(code)) return code === 'ENOMEM' ? 'enomem' : 'nxdomain';
  if (Object.hasOwn(specialCodes, code)) return specialCodes[code] ?? 'unknown';
  // A newer libuv errno than this table knows: its own name, as OTP names an errno.
  if (/^E[A-Z0-9]+$/.test(code)) return code.toLowerCase() as Posix;
  if (code.startsWith('ERR_')) return 'einval';
  return 'unknown';
}

/**
 * The POSIX atom OTP would give for the failure a Node error reports: what
 * every erlts module uses to turn a Node error into `['error', Posix]`.
 *
 * @param err - Anything Node threw or passed to a callback; its `code` and
 *   `syscall` decide the atom.
 * @returns The lowercase POSIX atom: `'econnrefused'`, `'eaddrinuse'`,
 *   `'nxdomain'` for a name that does not resolve, `'closed'`, `'einval'`,
 *   or `'unknown'` for an error without a code.
 * @example
 * // {error, econnrefused} = gen_tcp:connect({127,0,0,1}, ClosedPort, [])
 * socket.on('error', (err) => reply(['error', posixFromNodeError(err)]));
 */
export function posixFromNodeError(err: unknown): NodeFailure {
  if (typeof err !== 'object' || err === null) return 'unknown';
  const { code, syscall } = err as { code?: unknown; syscall?: unknown };
  if (typeof code !== 'string') return 'unknown';
  return posixFromNodeCode(code, typeof syscall === 'string' ? syscall : undefined);
}

/** `erl_posix_msg:message/1` of OTP 25, atom by atom. */
const posixMessages = {
  e2big: 'argument list too long',
  eacces: 'permission denied',
  eaddrinuse: 'address already in use',
  eaddrnotavail: "can't assign requested address",
  eadv: 'advertise error',
  eafnosupport: 'address family not supported by protocol family',
  eagain: 'resource temporarily unavailable',
  ealign: 'EALIGN',
  ealready: 'operation already in progress',
  ebade: 'bad exchange descriptor',
  ebadf: 'bad file number',
  ebadfd: 'file descriptor in bad state',
  ebadmsg: 'not a data message',
  ebadr: 'bad request descriptor',
  ebadrpc: 'RPC structure is bad',
  ebadrqc: 'bad request code',
  ebadslt: 'invalid slot',
  ebfont: 'bad font file format',
  ebusy: 'file busy',
  echild: 'no children',
  echrng: 'channel number out of range',
  ecomm: 'communication error on send',
  econnaborted: 'software caused connection abort',
  econnrefused: 'connection refused',
  econnreset: 'connection reset by peer',
  edeadlk: 'resource deadlock avoided',
  edeadlock: 'resource deadlock avoided',
  edestaddrreq: 'destination address required',
  edirty: 'mounting a dirty fs w/o force',
  edom: 'math argument out of range',
  edotdot: 'cross mount point',
  edquot: 'disk quota exceeded',
  eduppkg: 'duplicate package name',
  eexist: 'file already exists',
  efault: 'bad address in system call argument',
  efbig: 'file too large',
  eftype: 'EFTYPE',
  ehostdown: 'host is down',
  ehostunreach: 'host is unreachable',
  eidrm: 'identifier removed',
  einit: 'initialization error',
  einprogress: 'operation now in progress',
  eintr: 'interrupted system call',
  einval: 'invalid argument',
  eio: 'I/O error',
  eisconn: 'socket is already connected',
  eisdir: 'illegal operation on a directory',
  eisnam: 'is a name file',
  elbin: 'ELBIN',
  el2hlt: 'level 2 halted',
  el2nsync: 'level 2 not synchronized',
  el3hlt: 'level 3 halted',
  el3rst: 'level 3 reset',
  elibacc: 'cannot access a needed shared library',
  elibbad: 'accessing a corrupted shared library',
  elibexec: 'cannot exec a shared library directly',
  elibmax: 'attempting to link in more shared libraries than system limit',
  elibscn: '.lib section in a.out corrupted',
  elnrng: 'link number out of range',
  eloop: 'too many levels of symbolic links',
  emfile: 'too many open files',
  emlink: 'too many links',
  emsgsize: 'message too long',
  emultihop: 'multihop attempted',
  enametoolong: 'file name too long',
  enavail: 'not available',
  enet: 'ENET',
  enetdown: 'network is down',
  enetreset: 'network dropped connection on reset',
  enetunreach: 'network is unreachable',
  enfile: 'file table overflow',
  enoano: 'anode table overflow',
  enobufs: 'no buffer space available',
  enocsi: 'no CSI structure available',
  enodata: 'no data available',
  enodev: 'no such device',
  enoent: 'no such file or directory',
  enoexec: 'exec format error',
  enolck: 'no locks available',
  enolink: 'link has be severed',
  enomem: 'not enough memory',
  enomsg: 'no message of desired type',
  enonet: 'machine is not on the network',
  enopkg: 'package not installed',
  enoprotoopt: 'bad proocol option',
  enospc: 'no space left on device',
  enosr: 'out of stream resources or not a stream device',
  enostr: 'not a stream',
  enosym: 'unresolved symbol name',
  enosys: 'function not implemented',
  enotblk: 'block device required',
  enotconn: 'socket is not connected',
  enotdir: 'not a directory',
  enotempty: 'directory not empty',
  enotnam: 'not a name file',
  enotsock: 'socket operation on non-socket',
  enotsup: 'operation not supported',
  enotty: 'inappropriate device for ioctl',
  enotuniq: 'name not unique on network',
  enxio: 'no such device or address',
  eopnotsupp: 'operation not supported on socket',
  eoverflow: 'offset too large for file system',
  eperm: 'not owner',
  epfnosupport: 'protocol family not supported',
  epipe: 'broken pipe',
  eproclim: 'too many processes',
  eprocunavail: 'bad procedure for program',
  eprogmismatch: 'program version wrong',
  eprogunavail: 'RPC program not available',
  eproto: 'protocol error',
  eprotonosupport: 'protocol not supported',
  eprototype: 'protocol wrong type for socket',
  erange: 'math result unrepresentable',
  erefused: 'EREFUSED',
  eremchg: 'remote address changed',
  eremdev: 'remote device',
  eremote: 'pathname hit remote file system',
  eremoteio: 'remote i/o error',
  eremoterelease: 'EREMOTERELEASE',
  erofs: 'read-only file system',
  erpcmismatch: 'RPC version is wrong',
  erremote: 'object is remote',
  eshutdown: "can't send after socket shutdown",
  esocktnosupport: 'socket type not supported',
  espipe: 'invalid seek',
  esrch: 'no such process',
  esrmnt: 'srmount error',
  estale: 'stale remote file handle',
  esuccess: 'Error 0',
  etime: 'timer expired',
  etimedout: 'connection timed out',
  etoomanyrefs: "too many references: can't splice",
  etxtbsy: 'text file or pseudo-device busy',
  euclean: 'structure needs cleaning',
  eunatch: 'protocol driver not attached',
  eusers: 'too many users',
  eversion: 'version mismatch',
  ewouldblock: 'operation would block',
  exdev: 'cross-domain link',
  exfull: 'message tables full',
  nxdomain: 'non-existing domain',
} as const satisfies Record<string, string>;

/**
 * A POSIX error atom, as erlts returns them in `['error', Posix]`: OTP's `inet:posix()` (every
 * errno name erl_posix_msg knows, and `nxdomain`), the two errno names libuv has beyond those,
 * and `unknown` for a failure that carries no code.
 */
export type Posix = keyof typeof posixMessages | 'ecanceled' | 'eilseq' | 'unknown';

/**
 * What a Node failure maps to: a POSIX atom, or `closed` / `timeout` where OTP reports those
 * (a socket closed under the call, a resolver call cancelled by its timeout).
 */
export type NodeFailure = Posix | 'closed' | 'timeout';

/** `inet:format_error/1`'s own clauses, tried before `erl_posix_msg`. */
const inetMessages: Readonly<Record<string, string>> = {
  exbadport: 'invalid port state',
  exbadseq: 'bad command sequence',
  system_limit: 'a system limit was hit, probably not enough ports',
};

/** Every atom {@link format_error} has a text of its own for. */
export const formattedPosixAtoms: readonly string[] = [
  ...Object.keys(posixMessages),
  ...Object.keys(inetMessages),
];

/**
 * A diagnostic text for a POSIX error atom, exactly as OTP 25 writes it.
 *
 * @param posix - The reason from an `['error', Posix]` result: a POSIX atom
 *   (`'econnrefused'`), or one of inet's own (`'nxdomain'`, `'exbadport'`,
 *   `'exbadseq'`, `'system_limit'`). Any other term is accepted too.
 * @returns The text as a JS string (`"connection refused"`); for a term OTP has
 *   no text for, `"unknown POSIX error"`, as OTP 25 does.
 * @example
 * // "non-existing domain" = inet:format_error(nxdomain)
 * inet.format_error('nxdomain'); // 'non-existing domain'
 * @see https://www.erlang.org/doc/man/inet.html#format_error-1
 */
export function format_error(posix: unknown): string {
  if (typeof posix !== 'string') return 'unknown POSIX error';
  if (Object.hasOwn(inetMessages, posix)) return inetMessages[posix] ?? 'unknown POSIX error';
  if (Object.hasOwn(posixMessages, posix)) return posixMessages[posix as Posix & keyof typeof posixMessages];
  return 'unknown POSIX error';
}
