import { SharedReading } from './shared-reading';

/** A reading the test answers when it chooses. */
function controlledReads<T>() {
  const pending: Array<{ resolve: (value: T) => void; reject: (error: Error) => void }> = [];
  const read = jest.fn(
    () =>
      new Promise<T>((resolve, reject) => {
        pending.push({ resolve, reject });
      }),
  );
  return { read, pending };
}

/** Lets the reading start: SharedReading calls `read` a microtask after the first caller asks. */
const started = () => new Promise((next) => setImmediate(next));

/** One reading asked for, answered with `value` and settled: the state every "and then" test starts from. */
async function readOnce<T>(shared: SharedReading<T>, answer: (value: T) => void, value: T): Promise<void> {
  const first = shared.get();
  await started();
  answer(value);
  await first;
}

describe('SharedReading', () => {
  let now = Date.UTC(2026, 11, 7, 9, 0, 0);
  const clock = { now: () => new Date(now) };
  beforeEach(() => {
    now = Date.UTC(2026, 11, 7, 9, 0, 0);
  });

  it('gives every caller that asks while a reading is in flight that one reading', async () => {
    const { read, pending } = controlledReads<number>();
    const shared = new SharedReading(read, { reuseForMs: 0, clock });
    const answers = Array.from({ length: 50 }, () => shared.get());
    await started();
    expect(read).toHaveBeenCalledTimes(1);
    pending[0].resolve(7);
    expect(await Promise.all(answers)).toEqual(Array(50).fill(7));
  });

  it('reads again once the reading is over when nothing is reused', async () => {
    const { read, pending } = controlledReads<number>();
    const shared = new SharedReading(read, { reuseForMs: 0, clock });
    await readOnce(shared, (value) => pending[0].resolve(value), 1);
    const second = shared.get();
    await started();
    expect(read).toHaveBeenCalledTimes(2);
    pending[1].resolve(2);
    expect(await second).toBe(2);
  });

  it('hands a reading out again until it is reuseForMs old by the clock it is given, then reads again', async () => {
    const { read, pending } = controlledReads<string>();
    const shared = new SharedReading(read, { reuseForMs: 5_000, clock });
    await readOnce(shared, (value) => pending[0].resolve(value), 'read at 09:00:00');
    now += 4_999;
    expect(await shared.get()).toBe('read at 09:00:00');
    expect(read).toHaveBeenCalledTimes(1);
    now += 1;
    const later = shared.get();
    await started();
    expect(read).toHaveBeenCalledTimes(2);
    pending[1].resolve('read at 09:00:05');
    expect(await later).toBe('read at 09:00:05');
  });

  it('reads again when the clock has been set back past the reading', async () => {
    const { read, pending } = controlledReads<string>();
    const shared = new SharedReading(read, { reuseForMs: 5_000, clock });
    await readOnce(shared, (value) => pending[0].resolve(value), 'before');
    now -= 60_000;
    void shared.get();
    await started();
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('keeps no failed reading: its callers all get the failure, the next caller reads again', async () => {
    const { read, pending } = controlledReads<number>();
    const shared = new SharedReading(read, { reuseForMs: 5_000, clock });
    const failing = [shared.get(), shared.get()];
    await started();
    pending[0].reject(new Error('connection refused'));
    for (const answer of failing) await expect(answer).rejects.toThrow('connection refused');
    const retried = shared.get();
    await started();
    expect(read).toHaveBeenCalledTimes(2);
    pending[1].resolve(3);
    expect(await retried).toBe(3);
  });

  it('turns a read that throws at once into a rejection, not a throw from get()', async () => {
    const shared = new SharedReading<number>(
      () => {
        throw new Error('not connected');
      },
      { reuseForMs: 0, clock },
    );
    await expect(shared.get()).rejects.toThrow('not connected');
  });
});
