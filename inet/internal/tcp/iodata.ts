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
  return collect(data);
}

function isByte(b: number): boolean {
  return (b & 0xff) === b;
}

/**
 * Nested iodata, depth first with a stack of its own: iodata nested however deep cannot run
 * the JS stack out, and a list that contains itself (no Erlang term can) is not iodata.
 */
function collect(data: readonly unknown[]): Buffer | undefined {
  const parts: Buffer[] = [];
  const path = new Set<readonly unknown[]>([data]);
  const stack: { readonly list: readonly unknown[]; next: number }[] = [{ list: data, next: 0 }];
  let run: number[] | null = null;
  for (;;) {
    const top = stack[stack.length - 1];
    if (top === undefined) break;
    if (top.next === top.list.length) {
      stack.pop();
      path.delete(top.list);
      continue;
    }
    const item: unknown = top.list[top.next++];
    if (typeof item === 'number') {
      if (!isByte(item)) return undefined;
      (run ??= []).push(item);
      continue;
    }
    if (run !== null) {
      parts.push(Buffer.from(run));
      run = null;
    }
    if (Buffer.isBuffer(item)) parts.push(item);
    else if (typeof item === 'string') parts.push(Buffer.from(item, 'utf8'));
    else if (Array.isArray(item) && !path.has(item)) {
      path.add(item);
      stack.push({ list: item, next: 0 });
    } else return undefined;
  }
  if (run !== null) parts.push(Buffer.from(run));
  return Buffer.concat(parts);
}
