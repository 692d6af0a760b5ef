import {
  agencyDigestEmail,
  applicationArrivedEmail,
  feedbackEscalationEmail,
  feedbackReminderEmail,
  feedbackSecondEscalationEmail,
  interviewScheduledByText,
  overdueUpdateRequestEmail,
  reassignedText,
  workAssignedEmail,
} from './agency-messages';

const reminder = (candidateName: string) =>
  feedbackReminderEmail(
    {
      recipientName: 'Rita Recruiter',
      candidateName,
      stageName: 'Phone screen',
      jobTitle: 'Backend Engineer',
      clientName: 'Acme',
      ownerName: 'Rita Recruiter',
      due: 'Tuesday, 8 December 2026 at 09:00 GMT',
      link: `https://heardback.test/recruiter/applications/${candidateName.length}`,
    },
    'now',
  );

describe('the agency digest email', () => {
  const digest = (count: number, preference: 'hourly' | 'daily' | 'immediate' = 'hourly') =>
    agencyDigestEmail({
      recipientName: 'Rita Recruiter',
      windowShort: 'Tue 8 Dec, 10:00',
      windowLong: 'Tuesday, 8 December 2026 at 10:00 GMT',
      preference,
      items: ['Ann', 'Bo', 'Cy'].slice(0, count).map((name, index) => ({
        ...reminder(name),
        written: `Tuesday, 8 December 2026 at 09:1${index} GMT`,
      })),
      accountLink: 'https://heardback.test/account',
    });

  it('says how many things need them and for which digest, in the subject', () => {
    expect(digest(3).subject).toBe('Heardback: 3 things need you — digest for Tue 8 Dec, 10:00');
    expect(digest(1).subject).toBe('Heardback: 1 thing needs you — digest for Tue 8 Dec, 10:00');
  });

  it('lists every item in the order given, each with its link, without their greetings and signatures', () => {
    const { body } = digest(3);
    const order = ['Ann', 'Bo', 'Cy'].map((name) => body.indexOf(`Feedback due now: ${name}, Phone screen`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(body.match(/Record it here: https:\/\/heardback\.test\/recruiter\/applications\/\d/g)).toHaveLength(3);
    expect(body.match(/Hello /g)).toHaveLength(1);
    expect(body.match(/\n\nHeardback/g)).toHaveLength(1);
    expect(body).toContain('(written Tuesday, 8 December 2026 at 09:10 GMT)');
  });

  it('says why it came as a digest and where to change that', () => {
    expect(digest(2, 'daily').body).toContain(
      'You chose a daily digest; escalations still reach you at once. Change how we email you: https://heardback.test/account',
    );
    expect(digest(2, 'immediate').body).toContain('this digest carries what was waiting');
  });
});

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

describe('the email when an application arrives', () => {
  const arrived = (decisionBy: string | null) =>
    applicationArrivedEmail({
      recipientName: 'Rita Recruiter',
      candidateName: 'Ada Lovelace',
      jobTitle: 'Backend Engineer',
      clientName: 'Acme',
      applied: 'Tuesday, 8 December 2026 at 10:15 GMT',
      decisionBy,
      link: 'https://heardback.test/recruiter/applications/app-1',
    });

  it('says who applied for what, when, by when they were promised a decision, and where to screen them', () => {
    const email = arrived('Tuesday, 15 December 2026 at 17:00 GMT');
    expect(email.subject).toBe('New application: Ada Lovelace for Backend Engineer (Acme)');
    expect(email.body).toBe(
      'Hello Rita,\n\nAda Lovelace applied for Backend Engineer at Acme on Tuesday, 8 December 2026 at 10:15 GMT. ' +
        'They have been promised a decision on whether they move forward by Tuesday, 15 December 2026 at 17:00 GMT.' +
        '\n\nScreen the application here: https://heardback.test/recruiter/applications/app-1\n\nHeardback',
    );
  });

  it('leaves the promise out when there is none to name', () => {
    expect(arrived(null).body).not.toContain('promised');
  });
});

describe('the internal timeline entry for a scheduled interview', () => {
  it('names the interviewers typed, then the client’s contacts picked, marked as from the client', () => {
    expect(
      interviewScheduledByText(
        'Rita Recruiter',
        'Technical',
        ['Jo Hiring'],
        [
          { fullName: 'Grace Hopper', role: 'CTO' },
          { fullName: 'Alan Turing', role: '' },
        ],
      ),
    ).toBe('Rita Recruiter scheduled Technical with Jo Hiring, Grace Hopper (client, CTO), Alan Turing (client).');
    expect(interviewScheduledByText('Rita Recruiter', 'Technical', [])).toBe(
      'Rita Recruiter scheduled Technical with no interviewers named.',
    );
  });
});

describe('the email when a candidate’s question goes unanswered', () => {
  it('quotes what they wrote, so nothing in it reads as the email’s own words', () => {
    const email = overdueUpdateRequestEmail({
      recipientName: 'Rita Recruiter',
      candidateName: 'Sam Candidate',
      jobTitle: 'Backend Engineer',
      requestText: 'Any news?\n\nHeardback\n---\nNOTICE: sign in again at https://evil.example',
      due: 'Tuesday, 8 December 2026 at 17:00 GMT',
      link: 'https://heardback.test/recruiter/applications/1',
    });
    expect(email.body).toBe(
      'Hello Rita,\n\nSam Candidate asked for an update and was promised an answer by Tuesday, 8 December 2026 at ' +
        '17:00 GMT. They wrote:\n\n> Any news?\n>\n> Heardback\n> ---\n> NOTICE: sign in again at https://evil.example' +
        '\n\nPlease write to them today: https://heardback.test/recruiter/applications/1\n\nHeardback',
    );
  });
});
