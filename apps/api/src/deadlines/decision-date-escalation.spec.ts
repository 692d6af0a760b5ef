import { decisionDatePassedEmail } from '../notifications/agency-messages';

describe('the decision-date escalation to staff', () => {
  const facts = {
    recipientName: 'Sam Staff',
    candidateName: 'Chen Wei',
    jobTitle: 'Pharmacist',
    clientName: 'Bluefin Health',
    when: 'Friday 4 December, 17:00',
    link: 'https://portal.test/recruiter/applications/a1',
  };

  it('names the person whose work the application is, so staff know whom to chase', () => {
    const email = decisionDatePassedEmail({ ...facts, ownerName: 'Riley Recruiter' });
    expect(email.body).toContain('Whom to chase: Riley Recruiter, whose work this application is.');
  });

  it('says when nobody owns the application, and what to do instead', () => {
    const email = decisionDatePassedEmail({ ...facts, ownerName: null });
    expect(email.body).toContain('Nobody owns this application: reassign it, or write to the candidate yourself.');
  });
});
