/**
 * The magic cookie file, as kernel's auth.erl reads and makes it (OTP 25):
 *
 * 1. `$HOME/.erlang.cookie`; when missing, the XDG one (`$XDG_CONFIG_HOME/erlang/.erlang.cookie`,
 *    `~/.config/erlang/...` without XDG_CONFIG_HOME); when that is missing too, a new cookie
 *    is written to the first path. Without HOME, only the XDG path is read or made.
 * 2. A file that is not a regular file, or that group or others may access (mode & 077), is
 *    refused on Unix: "Cookie file /home/u/.erlang.cookie must be accessible by owner only".
 * 3. Its text is the cookie: printable ASCII up to the first other character, after which only
 *    newlines, carriage returns and spaces may follow ("Bad characters in cookie"); an empty
 *    one is "Too short cookie string".
 * 4. A new cookie is 20 random letters A-Z, the file made mode 0400 with its times set to the
 *    midnight of that day (auth:make_info/1, to hide when it was made).
 *
 * Failures are OTP's messages; OTP's node then fails to start distribution with them.
 */
import { randomInt } from 'node:crypto';
import * as fs from 'node:fs';
import { join } from 'node:path';

/** A cookie, or why none could be had (auth.erl's message). */
export type CookieResult = { readonly cookie: string } | { readonly error: string };

/** Where cookies live: the environment's HOME and XDG_CONFIG_HOME by default. */
export interface CookieEnv {
  readonly HOME?: string | undefined;
  readonly XDG_CONFIG_HOME?: string | undefined;
}

/** The two paths auth.erl tries: `[homePath | null, xdgPath]`. */
export function cookiePaths(env: CookieEnv = process.env): [string | null, string] {
  const home = env.HOME !== undefined && env.HOME !== '' ? env.HOME : null;
  const config =
    env.XDG_CONFIG_HOME !== undefined && env.XDG_CONFIG_HOME !== ''
      ? env.XDG_CONFIG_HOME
      : join(home ?? '', '.config');
  return [home === null ? null : join(home, '.erlang.cookie'), join(config, 'erlang', '.erlang.cookie')];
}

function errorOf(e: unknown): string {
  return String((e as { code?: string }).code ?? 'eio').toLowerCase();
}

const TYPE_NAMES: [string, (s: fs.Stats) => boolean][] = [
  ['directory', (s) => s.isDirectory()],
  ['device', (s) => s.isBlockDevice() || s.isCharacterDevice()],
  ['symlink', (s) => s.isSymbolicLink()],
];

/**
 * Reads one cookie file with auth:read_cookie/1's checks.
 * @returns the cookie, `'enoent'` when there is no such file, or the error message
 * @example
 * // {ok, "SECRET"} = auth:read_cookie("/home/u/.erlang.cookie")   % (internal to auth)
 * readCookieFile('/home/u/.erlang.cookie'); // { cookie: 'SECRET' }
 */
export function readCookieFile(path: string): CookieResult | 'enoent' {
  let st: fs.Stats;
  try {
    st = fs.statSync(path);
  } catch (e) {
    const code = errorOf(e);
    return code === 'enoent' ? 'enoent' : { error: `Error when reading ${path}: ${code}` };
  }
  if (!st.isFile()) {
    const type = TYPE_NAMES.find(([, is]) => is(st))?.[0] ?? 'other';
    return { error: `Cookie file ${path} is of type ${type}` };
  }
  if (process.platform !== 'win32' && (st.mode & 0o077) !== 0) {
    return { error: `Cookie file ${path} must be accessible by owner only` };
  }
  let text: Buffer;
  try {
    text = fs.readFileSync(path);
  } catch (e) {
    return { error: `Error when reading ${path}: ${errorOf(e)}` };
  }
  return checkCookie(text);
}

/**
 * The cookie in a cookie file's bytes, by auth:check_cookie/2's rules.
 * @example
 * // {ok, "ABC"} = auth:check_cookie("ABC\n", [])
 * checkCookie(Buffer.from('ABC\n')); // { cookie: 'ABC' }
 */
export function checkCookie(text: Buffer): CookieResult {
  let end = 0;
  while (end < text.length && (text[end] as number) >= 0x20 && (text[end] as number) <= 0x7e) end++;
  for (let i = end; i < text.length; i++) {
    const c = text[i];
    if (c !== 0x0a && c !== 0x0d && c !== 0x20) return { error: 'Bad characters in cookie' };
  }
  if (end === 0) return { error: 'Too short cookie string' };
  return { cookie: text.toString('latin1', 0, end) };
}

/** 20 random letters A-Z, as auth:random_cookie/3 makes (from a CSPRNG here). */
export function randomCookie(): string {
  let s = '';
  for (let i = 0; i < 20; i++) s += String.fromCharCode(65 + randomInt(26));
  return s;
}

/**
 * Writes a new cookie file as auth:create_cookie/1: 20 letters, mode 0400, times at midnight.
 * @returns `null`, or auth.erl's error message
 */
export function createCookieFile(path: string): string | null {
  const cookie = randomCookie();
  try {
    fs.writeFileSync(path, cookie, { flag: 'w' });
  } catch (e) {
    return `Failed to create cookie file '${path}': ${errorOf(e)}`;
  }
  try {
    fs.chmodSync(path, 0o400);
    const midnight = new Date();
    midnight.setHours(0, 0, 0, 0);
    fs.utimesSync(path, midnight, midnight);
  } catch (e) {
    return `Failed to change mode: ${errorOf(e)}`;
  }
  return null;
}

/**
 * This node's cookie when none was given (`-setcookie`), as auth:read_cookie/0: read from the
 * cookie file, made when there is none.
 * @param env - HOME and XDG_CONFIG_HOME (process.env by default; tests point them elsewhere)
 * @returns the cookie, or auth.erl's message for why there is none
 * @example
 * // Cookie = erlang:get_cookie()   % on a node started without -setcookie
 * const r = defaultCookie();
 * @see https://www.erlang.org/doc/reference_manual/distributed.html#security
 */
export function defaultCookie(env: CookieEnv = process.env): CookieResult {
  const [homePath, xdgPath] = cookiePaths(env);
  if (homePath !== null) {
    const home = readCookieFile(homePath);
    if (home !== 'enoent') return home;
    const xdg = readCookieFile(xdgPath);
    if (xdg !== 'enoent') return xdg;
    const made = createCookieFile(homePath);
    if (made !== null) return { error: made };
    const again = readCookieFile(homePath);
    return again === 'enoent' ? { error: `Error when reading ${homePath}: enoent` } : again;
  }
  const xdg = readCookieFile(xdgPath);
  if (xdg === 'enoent') {
    const made = createCookieFile(xdgPath);
    if (made !== null) return { error: made };
    const again = readCookieFile(xdgPath);
    return again === 'enoent' ? { error: `Error when reading ${xdgPath}: enoent` } : again;
  }
  return 'error' in xdg ? { error: 'No home for cookie file' } : xdg;
}
