/**
 * The `{active, N}` accounting of an inet port, as inet_drv keeps it.
 *
 * Invariant: `#value` is `true`, `false`, `'once'` or a count in 1..32767. A count never
 * sits at zero or below: the moment a setting or a delivery brings it there, the socket
 * turns passive (`false`) and the owner must get `{tcp_passive, S}`.
 *
 *   set(N) while counting:   count + N   (> 32767 → einval, state unchanged)
 *   set(N) otherwise:        N
 *   result <= 0:             false, and tcp_passive is due
 *   consume() on once:       false (no tcp_passive: once never sends it)
 *   consume() on count 1:    false, and tcp_passive is due
 */

/** An `active` option value: `true | false | once | N` in Erlang. */
export type Active = boolean | 'once' | number;

/** Smallest and largest `N` that `{active, N}` accepts, as OTP 25. */
export const activeMin = -32768;
export const activeMax = 32767;

/** What `ActiveCounter.set` gives: `ok` (maybe with a passive message due) or einval. */
export type ActiveSetResult =
  | { readonly reply: 'ok'; readonly passive: boolean }
  | { readonly reply: readonly ['error', 'einval']; readonly passive: false };

const einval = ['error', 'einval'] as const;

/**
 * Whether `value` is a valid `{active, Value}` value, as prim_inet checks it before the driver.
 * @param value - the candidate
 * @returns `true` for `true | false | once` or an integer N within -32768..32767
 * @example
 * // {error, einval} = inet:setopts(S, [{active, 40000}]).
 * isActiveValue(40000); // false
 * @see https://www.erlang.org/docs/25/man/inet.html#setopts-2
 */
export function isActiveValue(value: unknown): value is Active {
  return (
    value === true ||
    value === false ||
    value === 'once' ||
    (typeof value === 'number' && Number.isInteger(value) && value >= activeMin && value <= activeMax)
  );
}

/**
 * The `active` value after `inet:setopts(S, [{active, Value}])`, without allocating.
 * @param current - the socket's `active` now
 * @param value - the value given
 * @returns the new value (`false` with a `tcp_passive` due when a count reached zero or
 *   below: see {@link passiveDue}), or `undefined` for einval
 * @example
 * // ok = inet:setopts(S, [{active, 5}]), ok = inet:setopts(S, [{active, 3}]) gives 8.
 * activeAfter(5, 3); // 8
 * @see https://www.erlang.org/docs/25/man/inet.html#setopts-2
 */
export function activeAfter(current: Active, value: unknown): Active | undefined {
  if (!isActiveValue(value)) return undefined;
  if (typeof value !== 'number') return value;
  const sum = typeof current === 'number' ? current + value : value;
  if (sum > activeMax) return undefined;
  return sum <= 0 ? false : sum;
}

/**
 * Whether setting `value` that gave `result` (see {@link activeAfter}) sends `tcp_passive`.
 * @param value - the value given
 * @param result - what activeAfter returned
 * @returns true when a count was brought to zero or below
 */
export function passiveDue(value: unknown, result: Active | undefined): boolean {
  return typeof value === 'number' && result === false;
}

/**
 * The `{active, N}` counter of one socket: settings add to a running count, each delivered
 * message uses one, and reaching zero makes the socket passive with a `tcp_passive` message.
 * @example
 * // ok = inet:setopts(S, [{active, 5}]), ok = inet:setopts(S, [{active, 3}]),
 * // {ok, [{active, 8}]} = inet:getopts(S, [active]).
 * const c = new ActiveCounter(false);
 * c.set(5); c.set(3);
 * c.value; // 8
 * @see https://www.erlang.org/docs/25/man/inet.html#setopts-2
 */
export class ActiveCounter {
  #value: Active;

  /**
   * Starts a counter as a socket opened with `{active, Initial}` (N <= 0 opens passive).
   * @param initial - `true | false | once | N`
   */
  constructor(initial: Active = true) {
    this.#value = typeof initial === 'number' ? (initial > 0 ? initial : false) : initial;
  }

  /**
   * The value `inet:getopts(S, [active])` reports.
   * @returns `true | false | once | N`
   */
  get value(): Active {
    return this.#value;
  }

  /**
   * Whether the socket may deliver a message now (active and quota left).
   * @returns `true` unless passive
   */
  get delivering(): boolean {
    return this.#value !== false;
  }

  /**
   * Applies `{active, Value}` as `inet:setopts/2` does.
   * @param value - `true | false | once | N`
   * @returns `ok` with `passive: true` when `{tcp_passive, S}` is due, or `{error, einval}`
   *   (unknown value, N out of -32768..32767, or a running count pushed above 32767)
   * @example
   * // {error, einval} = inet:setopts(S, [{active, 40000}]).
   * new ActiveCounter().set(40000).reply; // ['error', 'einval']
   * @see https://www.erlang.org/docs/25/man/inet.html#setopts-2
   */
  set(value: unknown): ActiveSetResult {
    if (!isActiveValue(value)) return { reply: einval, passive: false };
    if (typeof value !== 'number') {
      this.#value = value;
      return { reply: 'ok', passive: false };
    }
    const sum = typeof this.#value === 'number' ? this.#value + value : value;
    if (sum > activeMax) return { reply: einval, passive: false };
    if (sum <= 0) {
      this.#value = false;
      return { reply: 'ok', passive: true };
    }
    this.#value = sum;
    return { reply: 'ok', passive: false };
  }

  /**
   * Puts the counter at a value a whole setopts list computed (with {@link activeAfter}).
   * @param value - `true | false | once | N` (N > 0)
   */
  assign(value: Active): void {
    this.#value = value;
  }

  /**
   * Counts one delivered `{tcp, S, Data}` message.
   * @returns `true` when `{tcp_passive, S}` must follow and the socket pause (count reached 0)
   * @example
   * // {active, 1}: after one {tcp, S, D} the owner gets {tcp_passive, S}.
   * const c = new ActiveCounter(1);
   * c.consume(); // true
   * @see https://www.erlang.org/docs/25/man/inet.html#setopts-2
   */
  consume(): boolean {
    const v = this.#value;
    if (v === 'once') {
      this.#value = false;
      return false;
    }
    if (typeof v === 'number') {
      if (v <= 1) {
        this.#value = false;
        return true;
      }
      this.#value = v - 1;
    }
    return false;
  }
}
