import { BoundedConcurrency, QueueFullError } from './bounded-concurrency';

/** A task the test finishes by hand, so nothing depends on timing. */
function deferredTask(log: string[], name: string) {
  let finish!: () => void;
  let fail!: (error: Error) => void;
  const done = new Promise<string>((resolve, reject) => {
    finish = () => resolve(name);
    fail = reject;
  });
  const task = () => {
    log.push(`start ${name}`);
    return done;
  };
  return { task, finish, fail };
}

/** Lets every promise callback that is ready run. */
const settle = () => new Promise<void>((next) => setImmediate(next));

describe('BoundedConcurrency', () => {
  it('runs at most the limit at once and starts the waiting tasks in order as slots free up', async () => {
    const log: string[] = [];
    const limit = new BoundedConcurrency(2, 10);
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((name) => deferredTask(log, name));
    const results = [a, b, c, d].map(({ task }) => limit.run(task));
    await settle();
    expect(log).toEqual(['start a', 'start b']);
    expect([limit.active, limit.queued]).toEqual([2, 2]);

    b.finish();
    await settle();
    expect(log).toEqual(['start a', 'start b', 'start c']);
    expect([limit.active, limit.queued]).toEqual([2, 1]);

    a.finish();
    c.finish();
    await settle();
    expect(log).toEqual(['start a', 'start b', 'start c', 'start d']);
    d.finish();
    await expect(Promise.all(results)).resolves.toEqual(['a', 'b', 'c', 'd']);
    expect([limit.active, limit.queued]).toEqual([0, 0]);
  });

  it('refuses at once, without running it, a task that finds every slot busy and the queue full', async () => {
    const log: string[] = [];
    const limit = new BoundedConcurrency(1, 1);
    const running = deferredTask(log, 'running');
    const waiting = deferredTask(log, 'waiting');
    const refused = deferredTask(log, 'refused');
    const first = limit.run(running.task);
    const second = limit.run(waiting.task);

    await expect(limit.run(refused.task)).rejects.toBeInstanceOf(QueueFullError);
    await settle();
    expect(log).toEqual(['start running']);

    running.finish();
    waiting.finish();
    await expect(Promise.all([first, second])).resolves.toEqual(['running', 'waiting']);
  });

  it('frees the slot of a task that fails, and passes its error on', async () => {
    const log: string[] = [];
    const limit = new BoundedConcurrency(1, 1);
    const failing = deferredTask(log, 'failing');
    const next = deferredTask(log, 'next');
    const first = limit.run(failing.task);
    const second = limit.run(next.task);

    failing.fail(new Error('argon2 failed'));
    await expect(first).rejects.toThrow('argon2 failed');
    await settle();
    expect(log).toEqual(['start failing', 'start next']);
    next.finish();
    await expect(second).resolves.toBe('next');
    expect(limit.active).toBe(0);
  });
});
