/** Shared test helpers: public API only. */
import { after, logger, on, receive } from 'erlts';

/** Collects crash reports instead of printing them while `fn` runs. */
export async function capturingReports<T>(fn: () => Promise<T>): Promise<[T, logger.LogEvent[]]> {
  const events: logger.LogEvent[] = [];
  logger.remove_handler('default');
  logger.add_handler('capture', (event) => events.push(event));
  try {
    return [await fn(), events];
  } finally {
    logger.remove_handler('capture');
    logger.add_handler('default', logger.default_handler);
  }
}

/** A process body that waits for `stop` (at most 2 s), so tests can end it. */
export async function idle(): Promise<void> {
  await receive(on('stop'), after(2000));
}
