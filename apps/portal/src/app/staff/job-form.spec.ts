import { FormControl, FormGroup } from '@angular/forms';
import { JobStatus, PayPeriod } from '@heardback/contracts';
import { aClosure, anAgencyJobDetail } from '../testing/factories';
import { closedMessage, jobFormValue, jobRequest, salaryComplete, savedMessage } from './job-form';

const salary = (min: number | null, max: number | null, currency: string) =>
  new FormGroup({ min: new FormControl(min), max: new FormControl(max), currency: new FormControl(currency) });

describe('salaryComplete', () => {
  it('accepts no salary at all, or a whole one with min not above max', () => {
    expect(salaryComplete(salary(null, null, ''))).toBeNull();
    expect(salaryComplete(salary(40_000, 50_000, 'GBP'))).toBeNull();
  });

  it('refuses a salary with a part missing, or a minimum above the maximum', () => {
    expect(salaryComplete(salary(40_000, null, 'GBP'))).toEqual({ incomplete: true });
    expect(salaryComplete(salary(60_000, 50_000, 'GBP'))).toEqual({ minAboveMax: true });
  });
});

describe('jobRequest', () => {
  it('sends what the form holds, trimmed, with the salary only when it is whole', () => {
    const value = {
      ...jobFormValue(anAgencyJobDetail({ title: '  Nurse ', salary: null })),
      salary: { min: 450, max: 550, currency: ' gbp ', period: PayPeriod.Day },
    };

    const request = jobRequest(value, [' Screen ', 'Final'], JobStatus.Open);

    expect(request).toMatchObject({
      title: 'Nurse',
      salary: { min: 450, max: 550, currency: 'GBP', period: PayPeriod.Day },
      pipeline: ['Screen', 'Final'],
      status: JobStatus.Open,
    });
    expect(
      jobRequest(
        { ...value, salary: { min: null, max: null, currency: '', period: PayPeriod.Day } },
        ['Screen'],
        'keep',
      ),
    ).not.toHaveProperty('salary');
    expect(jobRequest(value, ['Screen'], 'keep')).not.toHaveProperty('status');
  });
});

describe('jobFormValue', () => {
  it('fills the salary boxes with empty values, per year, when the job has no salary', () => {
    expect(jobFormValue(anAgencyJobDetail({ salary: null })).salary).toEqual({
      min: null,
      max: null,
      currency: '',
      period: PayPeriod.Year,
    });
  });
});

describe('messages', () => {
  it('says where a saved job now stands', () => {
    expect(savedMessage(anAgencyJobDetail({ title: 'Nurse' }))).toBe(
      '“Nurse” is open: candidates can find it on the jobs board.',
    );
    expect(savedMessage(anAgencyJobDetail({ title: 'Nurse', status: JobStatus.Draft }))).toBe(
      '“Nurse” is saved as draft.',
    );
  });

  it('says how many candidates a closure told', () => {
    expect(closedMessage(aClosure({ total: 1 }))).toBe('The job is filled. 1 candidate has your message.');
    expect(closedMessage(aClosure({ outcome: JobStatus.Closed, total: 0 }))).toBe(
      'The job is closed. It had no open applications.',
    );
  });
});
