import { ClientReviewLinkState } from '@heardback/contracts';
import { REVIEW_LINK_CLOSED, clientGivenBy, clientReviewRequestEmail } from './client-review-messages';

const facts = {
  interviewerName: 'Priya Shah',
  candidateName: 'Sam Lee',
  jobTitle: 'Data Engineer',
  clientName: 'Acme',
  stageName: 'Technical',
  promisedBy: 'Friday, 4 December 2026 at 17:00 GMT',
  expires: 'Friday, 18 December 2026 at 10:00 GMT',
  link: 'https://agency.example/client-review#abcDEF_123-xyz',
};

describe('client review messages', () => {
  it('tells the interviewer who, which candidate, job and stage, the promised date, and that it is quick and needs no account', () => {
    const email = clientReviewRequestEmail(facts);
    expect(email.subject).toContain('Sam Lee');
    expect(email.body).toMatch(/^Hello Priya,/);
    for (const fact of ['Sam Lee', 'Data Engineer', 'Acme', 'Technical', facts.promisedBy, facts.expires, facts.link]) {
      expect(email.body).toContain(fact);
    }
    expect(email.body).toContain('2 minutes');
    expect(email.body).toContain('no account');
  });

  it('says the candidate is waiting when no date was promised', () => {
    expect(clientReviewRequestEmail({ ...facts, promisedBy: null }).body).toContain('Sam Lee is waiting');
  });

  it('has words for every state a closed link can be in', () => {
    const closed = Object.values(ClientReviewLinkState).filter((state) => state !== ClientReviewLinkState.Open);
    for (const state of closed) expect(REVIEW_LINK_CLOSED[state as keyof typeof REVIEW_LINK_CLOSED]).toBeTruthy();
  });

  it('names the client as the giver of the feedback', () => {
    expect(clientGivenBy('Priya Shah')).toBe('Priya Shah (client)');
  });
});
