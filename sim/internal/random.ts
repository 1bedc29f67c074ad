/**
 * The simulation's randomness: small seeded generators (sfc32, seeded through splitmix32), one
 * stream per purpose, so that a run's schedule, its faults and the scenario's own `rand` calls
 * each replay from the seed without drawing from one another.
 */

/** splitmix32's step: a well-mixed 32-bit word from any 32-bit input. */
export function mix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The seed of run `i` of an exploration that starts from `seed`. */
export function runSeed(seed: number, i: number): number {
  return mix32(mix32(seed) ^ Math.imul(i + 1, 0x27d4eb2d)) % 0x7fff_ffff;
}

/** A seeded generator: sfc32, 128 bits of state. */
export class Random {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  /**
   * @param seed - any integer
   * @param stream - which stream of the seed (schedule, faults, the scenario's rand)
   */
  constructor(seed: number, stream: number) {
    const s = mix32(seed ^ mix32(stream));
    this.#a = mix32(s);
    this.#b = mix32(s + 1);
    this.#c = mix32(s + 2);
    this.#d = 1;
    for (let i = 0; i < 12; i++) this.word();
  }

  /** The next 32-bit word. */
  word(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1), with 53 random bits as Math.random gives. */
  float(): number {
    return ((this.word() >>> 5) * 67108864 + (this.word() >>> 6)) / 9007199254740992;
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return n <= 1 ? 0 : Math.floor(this.float() * n);
  }
}
