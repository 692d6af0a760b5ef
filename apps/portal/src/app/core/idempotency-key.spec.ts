import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { CandidateUpdateKind, IDEMPOTENCY_KEY_HEADER } from '@heardback/contracts';
import { CandidateApi } from '../candidate/candidate-api';
import { RecruiterApi } from '../recruiter/recruiter-api';
import { aCandidateApplicationBetweenInterviews, anApplication } from '../testing/factories';
import { serviceUnderTest } from '../testing/setup';
import { TestBed } from '@angular/core/testing';

describe('idempotencyKeyInterceptor', () => {
  let candidates: CandidateApi;
  let http: HttpTestingController;

  beforeEach(() => ({ service: candidates, http } = serviceUnderTest(CandidateApi)));

  afterEach(() => http.verify());

  const note = { kind: CandidateUpdateKind.Note, text: 'Away next week', version: 2 };
  const keyOf = (request: TestRequest) => request.request.headers.get(IDEMPOTENCY_KEY_HEADER);

  function sendNote(body = note): TestRequest {
    candidates.sendUpdate('app-1', body).subscribe({ error: () => undefined });
    return http.expectOne({ method: 'POST', url: '/api/applications/app-1/updates' });
  }

  it('sends an Idempotency-Key with a candidate’s update', () => {
    const request = sendNote();

    expect(keyOf(request)).toMatch(/^[0-9a-f-]{32,36}$/);
    request.flush(aCandidateApplicationBetweenInterviews());
  });

  it('sends the same key again when the first answer never came, or was a server error', () => {
    const first = sendNote();
    const key = keyOf(first);
    first.error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });

    const second = sendNote();
    expect(keyOf(second)).toBe(key);
    second.flush(null, { status: 503, statusText: 'Service Unavailable' });

    const third = sendNote();
    expect(keyOf(third)).toBe(key);
    third.flush(aCandidateApplicationBetweenInterviews());
  });

  it('uses a new key once the submission was answered, and for different words', () => {
    const first = sendNote();
    const key = keyOf(first);
    first.flush(aCandidateApplicationBetweenInterviews());

    const next = sendNote();
    expect(keyOf(next)).not.toBe(key);
    next.flush(null, { status: 409, statusText: 'Conflict' });

    const refused = keyOf(next);
    const again = sendNote();
    expect(keyOf(again)).not.toBe(refused);
    const other = sendNote({ ...note, text: 'Back on Monday' });
    expect(keyOf(other)).not.toBe(keyOf(again));
    again.flush(aCandidateApplicationBetweenInterviews());
    other.flush(aCandidateApplicationBetweenInterviews());
  });

  it('sends a key with the decision date and the recruiter’s message, and none with other requests', () => {
    candidates.setDecisionDate('app-1', null, 3).subscribe();
    const decisionDate = http.expectOne({ method: 'PUT', url: '/api/applications/app-1/decision-date' });
    expect(keyOf(decisionDate)).toBeTruthy();
    decisionDate.flush(aCandidateApplicationBetweenInterviews());

    TestBed.inject(RecruiterApi).sendMessage('app-1', { text: 'Still with the client.', version: 6 }).subscribe();
    const message = http.expectOne({ method: 'POST', url: '/api/applications/app-1/messages' });
    expect(keyOf(message)).toBeTruthy();
    message.flush(anApplication());

    candidates.withdraw('app-1', 'Took another job', 4).subscribe();
    const withdraw = http.expectOne({ method: 'POST', url: '/api/applications/app-1/withdraw' });
    expect(withdraw.request.headers.has(IDEMPOTENCY_KEY_HEADER)).toBe(false);
    withdraw.flush(aCandidateApplicationBetweenInterviews());
  });
});
