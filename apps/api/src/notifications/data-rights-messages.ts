import { MailText } from './account-messages';
import { greeting } from './greeting';

/**
 * Every sentence about a candidate's rights over their data (ADR 0019): what erasure leaves in
 * place of their words, the notice before the retention period ends, and what the recruiter is
 * told when a candidate leaves. None of them names the candidate: an erased person stays erased.
 */

/** The name an erased account keeps, so the agency's pages still read as sentences. */
export const ERASED_CANDIDATE_NAME = 'Erased candidate';

/** In place of any words written by, to or about an erased candidate (the database asks for non-blank text). */
export const ERASED_TEXT = '[erased]';

/** The timeline of an application its candidate ended by erasing their account. */
export const CANDIDATE_ERASED_ACCOUNT_TEXT = 'The candidate withdrew by deleting their account.';

export const dataRightsMessages = {
  errors: {
    onlyCandidates: 'Only a candidate account can be deleted here. Agency accounts are closed by staff.',
  },

  /** To the recruiter whose work the application was: no name, the job and what happened to the interview. */
  candidateLeft(facts: {
    jobTitle: string;
    clientName: string;
    stageName: string | null;
    interviewCancelled: boolean;
    link: string;
  }): MailText {
    return {
      subject: `A candidate withdrew: ${facts.jobTitle} at ${facts.clientName}`,
      body: [
        `A candidate on ${facts.jobTitle} at ${facts.clientName} deleted their account, which withdrew their application` +
          (facts.stageName ? ` at the ${facts.stageName} stage.` : '.'),
        ...(facts.interviewCancelled
          ? ['', 'Their upcoming interview will not take place: please tell the interviewers it is cancelled.']
          : []),
        '',
        'Their personal details are erased. The decisions, ratings and dates stay in your statistics, anonymously.',
        facts.link,
        '',
        'Heardback',
      ].join('\n'),
    };
  },

  /** To the candidate, once, RETENTION_NOTICE_DAYS before the erasure date. */
  retentionNotice(facts: {
    candidateName: string;
    eraseOn: string;
    applications: readonly { jobTitle: string; clientName: string }[];
    wholeAccount: boolean;
    dataLink: string;
  }): MailText {
    const what = facts.wholeAccount
      ? 'your Heardback account and everything in it'
      : facts.applications.length === 1
        ? 'your closed application below'
        : 'your closed applications below';
    return {
      subject: `Your data will be deleted on ${facts.eraseOn}`,
      body: [
        greeting(facts.candidateName),
        '',
        `The agency keeps closed applications for a set time and then deletes them. On ${facts.eraseOn} we will delete ${what}:`,
        ...facts.applications.map((application) => `- ${application.jobTitle} at ${application.clientName}`),
        '',
        facts.wholeAccount
          ? 'If you want to keep your account, simply sign in before then.'
          : 'You do not need to do anything. Your account and any open applications stay as they are.',
        `To keep a copy of your data, download it from "Your data": ${facts.dataLink}`,
        '',
        'Heardback',
      ].join('\n'),
    };
  },
};
