import { FormControl, FormGroup } from '@angular/forms';
import { DEFAULT_DUE_TIME, dueAtOf, dueDateGroup, dueDateValid } from './due-date-fields';
import { localDateTimeToIso } from '../core/local-date-time';
import { TEST_NOW } from '../testing/factories';

const now = () => TEST_NOW;
const pair = (date: string, time: string) =>
  new FormGroup({
    date: new FormControl(date, { nonNullable: true }),
    time: new FormControl(time, { nonNullable: true }),
  });

describe('dueDateValid', () => {
  it('requires a date only when asked to, whether fixed or decided by another answer', () => {
    expect(dueDateValid(now, { required: true })(pair('', '17:00'))).toEqual({ required: true });
    expect(dueDateValid(now, { required: false })(pair('', '17:00'))).toBeNull();
    let holding = false;
    const rule = dueDateValid(now, { required: () => holding });
    expect(rule(pair('', '17:00'))).toBeNull();
    holding = true;
    expect(rule(pair('', '17:00'))).toEqual({ required: true });
  });

  it('refuses a date without a time, a day that does not exist, and anything not after now', () => {
    const rule = dueDateValid(now, { required: true });
    expect(rule(pair('2026-06-05', ''))).toEqual({ time: true });
    expect(rule(pair('2026-02-30', '17:00'))).toEqual({ invalid: true });
    expect(rule(pair('2026-05-31', '17:00'))).toEqual({ past: true });
    // Exactly now is not in the future.
    const exactlyNow = new Date(localDateTimeToIso('2026-06-01', '12:00') as string);
    expect(dueDateValid(() => exactlyNow, { required: true })(pair('2026-06-01', '12:00'))).toEqual({ past: true });
    expect(rule(pair('2026-06-05', '17:00'))).toBeNull();
  });
});

describe('dueDateGroup and dueAtOf', () => {
  it('starts at the end of a working day, and reads the instant typed in the viewer’s zone', () => {
    const group = dueDateGroup(now, { required: false });
    expect(group.getRawValue()).toEqual({ date: '', time: DEFAULT_DUE_TIME });
    expect(dueAtOf(group)).toBeNull();
    group.setValue({ date: '2026-06-05', time: '09:30' });
    expect(dueAtOf(group)).toBe(localDateTimeToIso('2026-06-05', '09:30'));
    expect(group.valid).toBe(true);
  });
});
