import { Clock } from '@heardback/domain';
import { DemoClock } from './demo-clock';

/** A present that moves only when the test says so. */
function movablePresent(start: string): Clock & { advance(ms: number): void } {
  let at = new Date(start).getTime();
  return { now: () => new Date(at), advance: (ms) => (at += ms) };
}

const tick = () => new Promise<void>((next) => setImmediate(next));

describe('DemoClock', () => {
  it('reads the present outside the demo history', () => {
    const present = movablePresent('2026-12-06T12:00:00Z');
    expect(new DemoClock(present).now().toISOString()).toBe('2026-12-06T12:00:00.000Z');
  });

  it('reads the past moment inside it, across awaits, with time still flowing', async () => {
    const present = movablePresent('2026-12-06T12:00:00Z');
    const clock = new DemoClock(present);
    const seen = await clock.during(new Date('2026-11-20T09:30:00Z'), async () => {
      const first = clock.now().toISOString();
      await tick();
      present.advance(1_500);
      return [first, clock.now().toISOString()];
    });
    expect(seen).toEqual(['2026-11-20T09:30:00.000Z', '2026-11-20T09:30:01.500Z']);
    expect(clock.now().toISOString()).toBe('2026-12-06T12:00:01.500Z');
  });

  it('keeps the past to the loader: work running beside it reads the present', async () => {
    const clock = new DemoClock(movablePresent('2026-12-06T12:00:00Z'));
    let release: () => void = () => undefined;
    const loading = clock.during(new Date('2026-11-01T00:00:00Z'), async () => {
      await new Promise<void>((resume) => (release = resume));
      return clock.now().toISOString();
    });
    // A request or a sweep meanwhile, outside the loader's calls.
    expect(clock.now().toISOString()).toBe('2026-12-06T12:00:00.000Z');
    release();
    expect(await loading).toBe('2026-11-01T00:00:00.000Z');
  });

  it('lets an inner step move to a later moment and comes back after it', async () => {
    const clock = new DemoClock(movablePresent('2026-12-06T12:00:00Z'));
    const seen = await clock.during(new Date('2026-11-01T00:00:00Z'), async () => {
      const inner = await clock.during(new Date('2026-11-03T00:00:00Z'), async () => clock.now().toISOString());
      return [inner, clock.now().toISOString()];
    });
    expect(seen).toEqual(['2026-11-03T00:00:00.000Z', '2026-11-01T00:00:00.000Z']);
  });

  it('refuses to write history in the future', () => {
    const clock = new DemoClock(movablePresent('2026-12-06T12:00:00Z'));
    expect(() => clock.during(new Date('2026-12-06T12:00:01Z'), async () => undefined)).toThrow(RangeError);
  });
});
