/** Thrown at once, without running the task, when every slot is busy and the queue is full. */
export class QueueFullError extends Error {
  constructor() {
    super('Every slot is busy and the queue is full');
    this.name = 'QueueFullError';
  }
}

/**
 * A semaphore with a bounded queue: at most `concurrency` tasks run at once, at most `queueLimit`
 * wait their turn (first come, first served), and any beyond that are refused rather than queued
 * without end, so a flood is answered quickly instead of growing memory and latency for everyone.
 */
export class BoundedConcurrency {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly queueLimit: number,
  ) {}

  get active(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queueLimit) throw new QueueFullError();
      // The slot is handed over by release(), so `running` never drops below the limit while tasks wait.
      await new Promise<void>((start) => this.waiting.push(start));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}
