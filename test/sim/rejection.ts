import { expect } from 'chai';
import { SimulationError } from 'erlts/sim';

/** What `p` rejects with, which must be a SimulationError. */
export async function rejection(p: Promise<unknown>): Promise<SimulationError> {
  try {
    await p;
  } catch (error) {
    expect(error).to.be.instanceOf(SimulationError);
    return error as SimulationError;
  }
  throw new Error('expected the simulation to fail');
}
