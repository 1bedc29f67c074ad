/**
 * iodata → Buffer: what `gen_tcp:send/2` accepts. A Buffer, a JS string (UTF-8, DESIGN §2),
 * or a list (plain array or `List`) of bytes, Buffers, strings and nested lists.
 */

/**
 * Flattens iodata into one Buffer.
 * @param data - the iodata
 * @returns the bytes, or `undefined` when `data` is not iodata (a byte out of 0..255, an atom
 *   inside a list, a number at top level...)
 * @example
 * toBuffer(['ab', [99], Buffer.from('d')]); // <Buffer 61 62 63 64>
 */
export function toBuffer(data: unknown): Buffer | undefined {
  if (Buffer.isBuffer(data)) return data;
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (!Array.isArray(data)) return undefined;
  // A flat list of bytes is the common case of list mode: one pass, no recursion.
  let flat = true;
  for (let i = 0; i < data.length; i++) {
    const b: unknown = data[i];
    if (typeof b !== 'number') {
      flat = false;
      break;
    }
    if (!isByte(b)) return undefined;
  }
  if (flat) return Buffer.from(data as number[]);
  const parts: Buffer[] = [];
  return collect(data, parts, 0) ? Buffer.concat(parts) : undefined;
}

function isByte(b: number): boolean {
  return (b & 0xff) === b;
}

function collect(data: readonly unknown[], parts: Buffer[], depth: number): boolean {
  if (depth > 10_000) return false;
  let run: number[] | null = null;
  for (const item of data) {
    if (typeof item === 'number') {
      if (!isByte(item)) return false;
      (run ??= []).push(item);
      continue;
    }
    if (run !== null) {
      parts.push(Buffer.from(run));
      run = null;
    }
    if (Buffer.isBuffer(item)) parts.push(item);
    else if (typeof item === 'string') parts.push(Buffer.from(item, 'utf8'));
    else if (Array.isArray(item)) {
      if (!collect(item, parts, depth + 1)) return false;
    } else return false;
  }
  if (run !== null) parts.push(Buffer.from(run));
  return true;
}
