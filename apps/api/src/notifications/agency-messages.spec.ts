import {
  feedbackEscalationEmail,
  feedbackSecondEscalationEmail,
  reassignedText,
  workAssignedEmail,
} from './agency-messages';

const facts = {
  recipientName: 'Lee Lead',
  candidateName: 'Ana Silva',
  stageName: 'Technical',
  jobTitle: 'Backend Engineer',
  clientName: 'Northwind',
  ownerName: 'Ann Recruiter',
  due: 'Friday, 4 December 2026 at 17:00 GMT',
  link: 'https://portal.test/recruiter/applications/app-1',
};

describe('agency words for the escalation ladder and reassignment', () => {
  it('names the owner and the candidate in both levels of escalation', () => {
    for (const email of [
      feedbackEscalationEmail(facts),
      feedbackSecondEscalationEmail({ ...facts, escalatedAt: 'Monday, 7 December 2026 at 17:00 GMT' }),
    ]) {
      expect(email.subject).toContain('Ana Silva, Technical (Backend Engineer)');
      expect(email.body).toContain('Whom to chase: Ann Recruiter');
    }
    expect(feedbackEscalationEmail({ ...facts, ownerName: null }).body).toContain('Nobody owns this work');
  });

  it('says who reassigned what from whom to whom', () => {
    expect(reassignedText({ stageName: 'Technical', fromName: 'Ann', toName: 'Bob', byName: 'Sam' })).toBe(
      'Stage Technical reassigned from Ann to Bob by Sam.',
    );
    expect(reassignedText({ stageName: null, fromName: null, toName: 'Bob', byName: 'Sam' })).toBe(
      'Application reassigned from nobody to Bob by Sam.',
    );
  });

  it('tells the new owner every candidate, stage and due date in one email', () => {
    const email = workAssignedEmail({
      recipientName: 'Bob',
      byName: 'Sam Staff',
      work: [
        {
          candidateName: 'Ana Silva',
          jobTitle: 'Backend Engineer',
          link: 'l1',
          stages: [{ name: 'Technical', due: facts.due }],
        },
        { candidateName: 'Ben Okafor', jobTitle: 'Nurse', link: 'l2', stages: [] },
      ],
    });
    expect(email.subject).toBe('Now yours: 2 applications, from Ana Silva (Backend Engineer)');
    expect(email.body).toContain(`- Ana Silva, Backend Engineer: Technical (feedback due ${facts.due})`);
    expect(email.body).toContain('- Ben Okafor, Nurse: no stage waiting');
    expect(email.body).toContain('Sam Staff gave you this work');
  });
});
