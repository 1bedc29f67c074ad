/** Shared test helpers: public API only. */
import { logger } from 'erlts';

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
