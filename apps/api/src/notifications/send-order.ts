/**
 * How a claimed batch is sent in parallel without breaking per-recipient order (ADR 0023): the
 * batch is split into one lane per address, each lane sent in the order its messages were written,
 * and at most `limit` lanes run at once.
 */

export interface Addressed {
  recipient_email: string;
  /** bigint, as text: the order the outbox wrote the message in. */
  sequence: string;
}

/**
 * One lane per address (compared case-insensitively, which can only serialise more), in order of
 * the lane's first message, each in sequence order.
 */
export function lanesByRecipient<T extends Addressed>(batch: readonly T[]): T[][] {
  const inOrder = [...batch].sort((a, b) => {
    const difference = BigInt(a.sequence) - BigInt(b.sequence);
    return difference < 0n ? -1 : difference > 0n ? 1 : 0;
  });
  const lanes = new Map<string, T[]>();
  for (const message of inOrder) {
    const address = message.recipient_email.toLowerCase();
    const lane = lanes.get(address);
    if (lane) lane.push(message);
    else lanes.set(address, [message]);
  }
  return [...lanes.values()];
}

/**
 * Runs `work` on every item, at most `limit` at a time, and settles only when all have: a failure
 * never leaves work running behind the caller's back. Rejects with the first failure, after the rest.
 */
export async function eachAtMost<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const failures: unknown[] = [];
  const runner = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++];
      try {
        await work(item);
      } catch (error) {
        failures.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, runner));
  if (failures.length > 0) throw failures[0];
}
