/** The BEAM peer node of the dist conformance suite (CONFORMANCE_PEER, set by dist.test.ts). */
export function peer(): string {
  const name = process.env['CONFORMANCE_PEER'];
  if (name === undefined) throw new Error('CONFORMANCE_PEER is not set: run the suite through dist.test.ts');
  return name;
}
