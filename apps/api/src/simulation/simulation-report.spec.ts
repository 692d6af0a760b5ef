import { SimulationReport, formatReport } from './simulation-report';

const report: SimulationReport = {
  closedApplications: 10,
  closedWithCandidateMessage: 10,
  feedbackHours: { recorded: 4, p50: 10, p90: 20, max: 30, missingAtEnd: 0 },
  overdueNeverEscalated: 0,
  longestSilenceDays: 4.25,
  silenceP90Days: 2,
  longestSilenceWorkingDays: 2.5,
  promises: { kept: 3, due: 4, byAction: 1, byPerson: 1, automatic: 1, missed: [] },
  notifications: { written: 5, sent: 5, pending: 0, failed: 0, digested: 0, digests: 0 },
  candidateEvents: { visible: 5, emails: 5, notCovered: 0 },
  agencyEmails: { expected: 2, written: 2 },
  clientFeedback: { drafts: 7, p50: 0.75, p90: 2.125, asked: 9, reminders: 4, escalations: 2, secondEscalations: 1 },
  offers: { made: 3, accepted: 2, declined: 1, lapsed: 0, open: 0, followedUp: 0 },
};

describe('the simulation report', () => {
  it('prints the promise in working days, in exactly the lines the issue asks for', () => {
    const lines = formatReport(report, 'Simulated').split('\n');
    expect(lines).toContain('Longest silence on an open application: 2.5 working days');
    expect(lines).toContain('Promises kept or re-dated before they expired: 3/4 (75.0 %)');
    expect(lines).toContain('Client feedback, interview end to draft: p50 0.8, p90 2.1 working days');
    expect(lines).toContain(
      'Client interviewers asked 9, answered 7; their reminders 4, escalations to the owner 2, to the account owner 1',
    );
  });

  it('says zero working days when no client interviewer answered, not a blank', () => {
    const lines = formatReport(
      { ...report, clientFeedback: { ...report.clientFeedback, drafts: 0, p50: 0, p90: 0 } },
      'Simulated',
    ).split('\n');
    expect(lines).toContain('Client feedback, interview end to draft: p50 0.0, p90 0.0 working days');
  });

  it('counts no promises due as all kept', () => {
    const lines = formatReport(
      { ...report, promises: { kept: 0, due: 0, byAction: 0, byPerson: 0, automatic: 0, missed: [] } },
      'Simulated',
    ).split('\n');
    expect(lines).toContain('Promises kept or re-dated before they expired: 0/0 (100.0 %)');
  });
});
