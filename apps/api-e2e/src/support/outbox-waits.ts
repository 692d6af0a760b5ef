/** Outbox settings for tests of real delivery: short polls, a short lease after a crash, retry delays scaled down. */
export const fastOutbox = { OUTBOX_POLL_MS: '100', OUTBOX_LEASE_SECONDS: '5', OUTBOX_RETRY_SCALE: '0.02' };

/** Waits for something the background sender does, polling; fails naming what never happened. */
export async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((next) => setTimeout(next, 200));
  }
  throw new Error(`Timed out waiting until ${what}`);
}
