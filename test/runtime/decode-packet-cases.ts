/**
 * Inputs for the decode_packet differential test: every packet type, complete,
 * partial, oversized and malformed, and every HTTP form. Each case is run by
 * real erl and by erlts and the results compared term for term.
 */
import { list } from 'erlts';
import { erlBinary, toErlang } from '../support/erlang.js';
import { HTTP_HEADERS, HTTP_METHODS } from '../../runtime/internal/packet/http-parser.js';

/** One decode_packet call: its Erlang source and the same call's arguments in JS. */
export interface DecodeCase {
  readonly name: string;
  readonly erl: string;
  readonly type: unknown;
  readonly bin: unknown;
  readonly options: unknown;
}

type Opt = [string, number];

const b = (s: string): Buffer => Buffer.from(s, 'latin1');

const cases: DecodeCase[] = [];

function add(type: unknown, bin: Buffer, options: readonly Opt[] = [], name = ''): void {
  cases.push({
    name:
      name ||
      `${String(type)} ${JSON.stringify(bin.toString('latin1')).slice(0, 60)} ${JSON.stringify(options)}`,
    erl: `erlang:decode_packet(${toErlang(type)}, ${erlBinary(bin)}, [${options.map(toErlang).join(',')}])`,
    type,
    bin,
    options,
  });
}

function raw(name: string, erl: string, type: unknown, bin: unknown, options: unknown): void {
  cases.push({ name, erl, type, bin, options });
}

const payload = (n: number): Buffer => Buffer.from(Array.from({ length: n }, (_, i) => (i * 7 + 3) & 0xff));

// raw / 0
for (const t of ['raw', 0]) {
  add(t, b(''));
  add(t, b('hello'));
  add(t, payload(300), [['packet_size', 10]]);
}

// 1, 2, 4: complete, with rest, partial header, partial body, oversized
const header = (size: number, n: number): Buffer => {
  const h = Buffer.alloc(size);
  h.writeUIntBE(n, 0, size);
  return h;
};
for (const [t, size] of [
  [1, 1],
  [2, 2],
  [4, 4],
] as const) {
  for (const n of [0, 1, 5, 200]) {
    const whole = Buffer.concat([header(size, n), payload(n)]);
    add(t, whole);
    add(t, Buffer.concat([whole, b('rest')]));
    add(t, whole.subarray(0, Math.max(0, whole.length - 1)));
    add(t, whole.subarray(0, size - 1));
    add(t, whole, [['packet_size', n]]);
    add(t, whole, [['packet_size', Math.max(1, n - 1)]]);
  }
  add(t, b(''));
}
add(2, Buffer.concat([header(2, 65535), payload(10)]));
add(4, b('\xff\xff\xff\xff'));
add(4, b('\x7f\xff\xff\xfb'));
add(4, b('\x7f\xff\xff\xfc'));
add(4, b('\x00\x01\x00\x00'), [['packet_size', 65536]]);
add(4, b('\x00\x01\x00\x01'), [['packet_size', 65536]]);
add(1, b('\x03abc'), [['line_length', 1]]);

// line
for (const s of ['', 'abc', 'abc\n', 'abc\ndef\n', '\n', 'abc\r\n', 'a\x00b\n', 'abcdefghij\nk']) {
  add('line', b(s));
  add('line', b(s), [['line_length', 4]]);
  add('line', b(s), [['packet_size', 4]]);
}
add('line', b('abcdef'), [['line_length', 6]]);
add('line', b('abcdef\n'), [['line_length', 7]]);
add('line', b('abcdef\n'), [['line_length', 6]]);
add('line', b('abcdef\n'), [['packet_size', 7]]);
add('line', b('abcdef\n'), [['packet_size', 6]]);
add('line', b('abcdefgh'), [
  ['packet_size', 5],
  ['line_length', 3],
]);
add('line', b('abc'), [
  ['packet_size', 5],
  ['line_length', 3],
]);
add('line', b('ab;cd;'), [['line_delimiter', 59]]);
add('line', b('ab\ncd;'), [['line_delimiter', 59]]);
add('line', b('ab\x00cd'), [['line_delimiter', 0]]);
add('line', b('ab\xffcd'), [['line_delimiter', 255]]);
add('line', b('abc'), [['line_delimiter', 10]]);
add('line', b('ab;cd'), [
  ['line_delimiter', 59],
  ['line_length', 1],
]);

// asn1
const asn1 = [
  '\x30\x03abc',
  '\x30\x03abcrest',
  '\x30\x03ab',
  '\x30',
  '\x30\x00',
  '\x30\x80rest',
  '\x30\x81\x02ab',
  '\x30\x81',
  '\x30\x82\x00\x03abc',
  '\x30\x82\x00',
  '\x30\x83\x00\x00\x02ab',
  '\x30\x84\x00\x00\x00\x01a',
  '\x30\x84\xff\xff\xff\xff',
  '\x30\x85\x00\x00\x00\x00\x01a',
  '\x30\x85\x00',
  '\x1f\x81\x82\x03\x02ab',
  '\x1f\x81\x82',
  '\x1f\x81',
  '\x1f\x05\x81\x01x',
  '\xff\xff\xff\x01\x00',
];
for (const s of asn1) add('asn1', b(s));
add('asn1', b('\x30\x03abc'), [['packet_size', 2]]);
add('asn1', b('\x30\x03abc'), [['packet_size', 3]]);

// sunrm
for (const s of [
  '\x00\x00\x00\x03abc',
  '\x80\x00\x00\x03abcde',
  '\x80\x00\x00\x03ab',
  '\x00\x00',
  '\xff\xff\xff\xff',
]) {
  add('sunrm', b(s));
}
add('sunrm', b('\x80\x00\x00\x03abc'), [['packet_size', 2]]);

// cdr: GIOP, version, flags (bit 0: little endian), type, size
for (const s of [
  'GIOP\x01\x00\x00\x00\x00\x00\x00\x03abc',
  'GIOP\x01\x00\x01\x00\x03\x00\x00\x00abcX',
  'GIOP\x01\x00\x00\x00\x00\x00\x00\x05abc',
  'GIOP\x01\x00\x00',
  'GIOX\x01\x00\x00\x00\x00\x00\x00\x03abc',
  'GIOP\x01\x00\x00\x00\xff\xff\xff\xff',
]) {
  add('cdr', b(s));
}
add('cdr', b('GIOP\x01\x00\x00\x00\x00\x00\x00\x03abc'), [['packet_size', 2]]);

// fcgi: version, type, request id (2), content length (2), padding, reserved
for (const s of [
  '\x01\x01\x00\x01\x00\x03\x02\x00abcPPrest',
  '\x01\x01\x00\x01\x00\x03\x00\x00abc',
  '\x01\x01\x00\x01\x00\x03\x02\x00abcP',
  '\x02\x01\x00\x01\x00\x03\x00\x00abc',
  '\x01\x01\x00',
  '\x01\x05\x00\x00\x00\x00\x00\x00',
]) {
  add('fcgi', b(s));
}
add('fcgi', b('\x01\x01\x00\x01\x00\x03\x02\x00abcPP'), [['packet_size', 4]]);

// tpkt: version 3, reserved, length including the 4-byte header
for (const s of [
  '\x03\x00\x00\x07abc',
  '\x03\x00\x00\x07abcrest',
  '\x03\x00\x00\x07ab',
  '\x03\x00\x00\x04',
  '\x03\x00\x00\x02',
  '\x02\x00\x00\x07abc',
  '\x03\x00',
]) {
  add('tpkt', b(s));
}
add('tpkt', b('\x03\x00\x00\x07abc'), [['packet_size', 2]]);

// ssl_tls (accepted by the BIF though undocumented)
add('ssl_tls', b('\x16\x03\x01\x00\x02ab'));
add('ssl_tls', b('\x16\x03\x01\x00\x02abrest'));
add('ssl_tls', b('\x16\x03\x01\x00\x05ab'));
add('ssl_tls', b('\x80\x07\x01\x03\x01abcd'));
add('ssl_tls', b('\x16\x03'));

// HTTP request lines, every method and URI form, for http and http_bin
const methods = [...HTTP_METHODS, 'PATCH', 'CONNECT', 'get', 'Get', 'M-SEARCH', 'X'];
const uris = [
  '*',
  '/',
  '/index.html?q=1&r=%20',
  'x',
  'relative/path',
  'http://www.example.com',
  'http://www.example.com/',
  'http://www.example.com:8080/a/b?c',
  'http://host:/p',
  'http://host:0/p',
  'http://host:12ab/p',
  'http://host:99999999999/p',
  'HTTPS://Host:443',
  'https://h/x',
  'hTtP://MiXeD/',
  'http://[::1]:80/x',
  'http://user@h:1/x',
  'ftp://files.example.com/f',
  'mailto:a@b',
  'urn:isbn:0451450523',
  '**',
  'http:/x',
];
for (const t of ['http', 'http_bin']) {
  for (const m of methods) add(t, b(`${m} /index.html HTTP/1.1\r\n`));
  for (const u of uris) add(t, b(`GET ${u} HTTP/1.1\r\n`));
  for (const line of [
    'GET / HTTP/1.0\r\n',
    'GET / HTTP/1.1\n',
    'GET / HTTP/1.1\r\nHost: x\r\n',
    'GET /\r\n',
    'GET / \r\n',
    'GET /  \t \r\n',
    'GET\t/\tHTTP/1.1\r\n',
    'GET   /   HTTP/1.1   \r\n',
    'GET / HTTP/12.34\r\n',
    'GET / HTTP/1.1 trailing\r\n',
    'GET / HTTP/99999999999.1\r\n',
    'GET / HTTP/1\r\n',
    'GET / HTTP/1.\r\n',
    'GET / HTTP/.1\r\n',
    'GET / HTTP/x.1\r\n',
    'GET / http/1.1\r\n',
    'GET / HTTP/1.1x\r\n',
    'GET / FOO\r\n',
    'GET / HTT\r\n',
    'GET\r\n',
    'GET \r\n',
    ' GET / HTTP/1.1\r\n',
    '/ HTTP/1.1\r\n',
    'GE(T / HTTP/1.1\r\n',
    'G\x80T / HTTP/1.1\r\n',
    'GET /\xe9\xff HTTP/1.1\r\n',
    'GET / HTTP/1.1\r',
    'GET / HTTP/1.1',
    'GET / HT',
    '',
    '\r\n',
    '\n',
    '\r\nGET / HTTP/1.1\r\n',
    'Host: example.com\r\n',
    'garbage\r\n',
    // status lines
    'HTTP/1.1 200 OK\r\n',
    'HTTP/1.0 404 Not Found\r\n',
    'HTTP/1.1 200\r\n',
    'HTTP/1.1 200 \r\n',
    'HTTP/1.1   200   OK  \r\n',
    'HTTP/1.1 abc\r\n',
    'HTTP/1.1 200OK\r\n',
    'HTTP/1.1200 OK\r\n',
    'HTTP/1.1\r\n',
    'HTTP/1 200 OK\r\n',
    'HTTP/ 200 OK\r\n',
    'HTTP/2.0 101 Switching Protocols\n',
    'HTTP/1.1 99999999999 Big\r\n',
    'HTTP/1.1 200 OK\r\nServer: x\r\n',
    'HTTP/1.1 \t 500 \t Internal Server Error\r\n',
  ]) {
    add(t, b(line));
  }
  add(t, b('GET /0123456789 HTTP/1.1\r\n'), [['packet_size', 10]]);
  add(t, b('GET /0123456789 HTTP/1.1\r\n'), [['packet_size', 26]]);
  add(t, b('GET /0123456789 HTTP/1.1\r\n'), [['packet_size', 25]]);
  add(t, b('GET /0123456789 HTTP/1.1\r\n'), [['line_length', 10]]);
  add(t, b('GET /0123456789 HTTP/1.1'), [['packet_size', 24]]);
  add(t, b('GET /0123456789 HTTP/1.1'), [['packet_size', 25]]);
  add(t, b('GET /0123456789 HTTP/1.1\r\n'), [
    ['packet_size', 100],
    ['line_length', 10],
  ]);
}

// HTTP headers: every known header (as sent in lower case and canonically), unknown ones, folding, eoh
for (const t of ['httph', 'httph_bin']) {
  for (const h of HTTP_HEADERS) add(t, b(`${h.toLowerCase()}: value of ${h}\r\n\r\n`));
  for (const h of HTTP_HEADERS) add(t, b(`${h.toUpperCase()}:v\r\nX`));
  for (const line of [
    'Content-Type: text/html\r\n\r\n',
    'content-type:text/html\r\n\r\n',
    'X-Custom-Header: 1\r\n\r\n',
    'x-custom-header: 1\r\n\r\n',
    'X-CUSTOM-HEADER: 1\r\n\r\n',
    'x_under_score: 1\r\n\r\n',
    'a--b-c: 1\r\n\r\n',
    '-leading: 1\r\n\r\n',
    'trailing-: 1\r\n\r\n',
    'a.b~c!#$%&*+^`|: 1\r\n\r\n',
    'Del\x7fName: 1\r\n\r\n',
    'Host:    spaced   \r\n\r\n',
    'Host:\tx\r\n\r\n',
    'Host:\r\n\r\n',
    'Host: \r\n\r\n',
    'Host: x\r\n',
    'Host: x\r\nY',
    'Host: x\n\n',
    'Host: x',
    'Host: x\r',
    'X-Folded: a\r\n b\r\n\r\n',
    'X-Folded: a\r\n\tb\r\n  c\r\nNext: 1\r\n\r\n',
    'X-Folded: a\r\n ',
    'X-Folded: a\r\n b',
    'X-Folded: a\n b\n\n',
    'NoColon\r\n\r\n',
    'No Colon: x\r\n\r\n',
    ': empty name\r\n\r\n',
    ' leading space: x\r\n\r\n',
    'Host : x\r\n\r\n',
    'H\xe9st: x\r\n\r\n',
    'Host: caf\xe9\r\n\r\n',
    'Host: a:b:c\r\n\r\n',
    '\r\n',
    '\n',
    '\r\nX',
    '\nX',
    '',
    'HTTP/1.1 200 OK\r\n\r\n',
    'GET / HTTP/1.1\r\n\r\n',
    `${'a'.repeat(50)}: x\r\n\r\n`,
    `${'a'.repeat(51)}: x\r\n\r\n`,
    `${'content-length'.padEnd(49, 'x')}: x\r\n\r\n`,
    `X-${'Long-'.repeat(12)}Name: x\r\n\r\n`,
  ]) {
    add(t, b(line));
  }
  add(t, b('Host: 0123456789\r\n\r\n'), [['packet_size', 10]]);
  add(t, b('Host: 0123456789\r\n\r\n'), [['packet_size', 18]]);
  add(t, b('Host: 0123456789\r\n\r\n'), [['packet_size', 17]]);
  add(t, b('Host: 0123456789\r\n'), [['packet_size', 18]]);
  add(t, b('Host: 01234\r\n 56789\r\n\r\n'), [['packet_size', 18]]);
  add(t, b('Host: 01234\r\n 56789\r\n\r\n'), [['line_length', 30]]);
  add(t, b('Host: 01234\r\n 56789'), [['packet_size', 18]]);
  add(t, b('Host: 01234\r\n 56789'), [['packet_size', 19]]);
  add(t, b('Host: 0123456789'), [['line_length', 10]]);
}
// a header line given to the request-line parser, and vice versa
add('http', b('Content-Length: 5\r\n\r\n'));
add('http_bin', b('\r\n'));
add('httph', b('GET / HTTP/1.1\r\n\r\n'));

// options given as an Erlang list (List) rather than a plain array
cases.push({
  name: 'options as a List',
  erl: `erlang:decode_packet(1, <<3,1,2,3>>, [{packet_size, 2}])`,
  type: 1,
  bin: b('\x03\x01\x02\x03'),
  options: list(['packet_size', 2]),
});

// bad arguments: badarg, as the BIF raises it
raw('unknown type', `erlang:decode_packet(foo, <<1>>, [])`, 'foo', b('\x01'), []);
raw('integer type 3', `erlang:decode_packet(3, <<1>>, [])`, 3, b('\x01'), []);
raw('integer type 8', `erlang:decode_packet(8, <<1>>, [])`, 8, b('\x01'), []);
raw('string type', `erlang:decode_packet("line", <<1>>, [])`, 'LINE', b('\x01'), []);
raw('non-binary', `erlang:decode_packet(line, "abc\\n", [])`, 'line', 'abc\n', []);
raw('non-binary number', `erlang:decode_packet(raw, 42, [])`, 'raw', 42, []);
raw('options not a list', `erlang:decode_packet(line, <<"a\\n">>, {packet_size, 1})`, 'line', b('a\n'), 'x');
raw('unknown option', `erlang:decode_packet(line, <<"a\\n">>, [{foo, 1}])`, 'line', b('a\n'), [['foo', 1]]);
raw('option not a tuple', `erlang:decode_packet(line, <<"a\\n">>, [packet_size])`, 'line', b('a\n'), [
  'packet_size',
]);
raw('negative size', `erlang:decode_packet(1, <<1,1>>, [{packet_size, -1}])`, 1, b('\x01\x01'), [
  ['packet_size', -1],
]);
raw('size too big', `erlang:decode_packet(1, <<1,1>>, [{packet_size, 4294967296}])`, 1, b('\x01\x01'), [
  ['packet_size', 4294967296],
]);
add(1, b('\x01\x01'), [['packet_size', 4294967295]], 'largest packet_size');
raw('float size', `erlang:decode_packet(1, <<1,1>>, [{packet_size, 1.5}])`, 1, b('\x01\x01'), [
  ['packet_size', 1.5],
]);
raw('3-tuple option', `erlang:decode_packet(1, <<1,1>>, [{packet_size, 1, 2}])`, 1, b('\x01\x01'), [
  ['packet_size', 1, 2],
]);
raw(
  'delimiter for type 2',
  `erlang:decode_packet(2, <<0,1,1>>, [{line_delimiter, $;}])`,
  2,
  b('\x00\x01\x01'),
  [['line_delimiter', 59]],
);
raw('delimiter 256', `erlang:decode_packet(line, <<"a">>, [{line_delimiter, 256}])`, 'line', b('a'), [
  ['line_delimiter', 256],
]);

export { cases };
