import { eachAtMost, lanesByRecipient } from './send-order';

const message = (sequence: number, recipient_email: string) => ({ sequence: String(sequence), recipient_email });

describe('send order', () => {
  it("puts each address's messages in one lane, in the order they were written", () => {
    const lanes = lanesByRecipient([
      message(12, 'b@example.test'),
      message(3, 'a@example.test'),
      message(10, 'A@example.test'),
      message(7, 'c@example.test'),
      message(5, 'b@example.test'),
    ]);
    expect(lanes.map((lane) => lane.map((item) => Number(item.sequence)))).toEqual([[3, 10], [5, 12], [7]]);
  });

  it('orders sequences numerically, beyond the precision of a double', () => {
    const big = lanesByRecipient([
      { sequence: '9007199254740993', recipient_email: 'a@x' },
      { sequence: '9007199254740992', recipient_email: 'a@x' },
    ]);
    expect(big[0].map((item) => item.sequence)).toEqual(['9007199254740992', '9007199254740993']);
  });

  it('runs at most the limit at once, and every item', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    const releases: (() => void)[] = [];
    const finished = eachAtMost([1, 2, 3, 4, 5], 2, async (item) => {
      running++;
      most = Math.max(most, running);
      await new Promise<void>((release) => releases.push(release));
      running--;
      done.push(item);
    });
    // Release whatever is waiting until all five have run; never more than two wait at once.
    while (done.length < 5) {
      expect(releases.length).toBeLessThanOrEqual(2);
      releases.shift()?.();
      await new Promise((next) => setImmediate(next));
    }
    await finished;
    expect(most).toBe(2);
    expect(done.sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('finishes the other items before reporting a failure', async () => {
    const done: number[] = [];
    await expect(
      eachAtMost([1, 2, 3], 2, async (item) => {
        if (item === 1) throw new Error('one failed');
        await new Promise((next) => setImmediate(next));
        done.push(item);
      }),
    ).rejects.toThrow('one failed');
    expect(done).toEqual([2, 3]);
  });
});
