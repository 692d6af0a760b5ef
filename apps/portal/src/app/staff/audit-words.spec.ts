import { AUDIT_TEXT_CHANGED, AuditAction, AuditEntityType } from '@heardback/contracts';
import { auditFiltersFrom } from './audit-filters';
import {
  AUDIT_ACTION_OPTIONS,
  AuditContext,
  LONG_VALUE_LENGTH,
  fieldLabel,
  recordLink,
  shownChanges,
  valueText,
} from './audit-words';
import { anAuditEvent } from '../testing/factories';

const context: AuditContext = { userNames: new Map(), clientNames: new Map(), timeZone: 'Europe/London' };

describe('the audit trail’s words', () => {
  it('has a phrase for every action the API records', () => {
    expect(AUDIT_ACTION_OPTIONS.map((option) => option.value).sort()).toEqual(Object.values(AuditAction).sort());
    expect(AUDIT_ACTION_OPTIONS.find((option) => option.value === AuditAction.Hired)?.label).toBe(
      'Marked a candidate hired',
    );
  });

  it('says a moved promise in words: the action, which promise, and its dates', () => {
    expect(AUDIT_ACTION_OPTIONS.find((option) => option.value === AuditAction.PromiseRedated)?.label).toBe(
      'Moved the date promised to a candidate',
    );
    expect(fieldLabel('promise')).toBe('Promise');
    expect(valueText(AuditEntityType.Application, 'promise', 'hold', context)).toBe('News on a stage on hold');
    expect(fieldLabel('dueAt')).toBe('Promised by');
    expect(valueText(AuditEntityType.Application, 'dueAt', '2026-12-08T17:00:00.000Z', context)).toMatch(
      /(17:00|5:00 PM).*GMT/,
    );
  });

  it('says a document download in words: which kind of document, never its name', () => {
    expect(AUDIT_ACTION_OPTIONS.find((option) => option.value === AuditAction.UserDocumentDownloaded)?.label).toBe(
      "Downloaded a candidate's document",
    );
    expect(fieldLabel('kind')).toBe('Kind of document');
    expect(valueText(AuditEntityType.User, 'kind', 'cover_letter', context)).toBe('Cover letter');
  });

  it('says a client’s contacts and settings in words, the account owner by name, and links to the client', () => {
    expect(AUDIT_ACTION_OPTIONS.find((option) => option.value === AuditAction.ClientContactArchived)?.label).toBe(
      'Archived a client contact',
    );
    expect(fieldLabel('contactRole')).toBe('Role at the client');
    const named = { ...context, userNames: new Map([['u-1', 'Olive Owner']]) };
    expect(valueText(AuditEntityType.Client, 'accountOwnerId', 'u-1', named)).toBe('Olive Owner');
    expect(valueText(AuditEntityType.Client, 'autoPublishClientFeedback', true, context)).toBe('yes');
    expect(recordLink({ type: AuditEntityType.Client, id: 'client-1', label: 'Northwind' })).toEqual([
      '/staff/clients',
      'client-1',
    ]);
  });

  it('spells out fields it has no label for', () => {
    expect(fieldLabel('pipeline')).toBe('Interview stages');
    expect(fieldLabel('someNewField')).toBe('Some new field');
  });

  it('puts values in words: statuses by kind of record, salaries, lists, times in the agency’s zone', () => {
    expect(valueText(AuditEntityType.Job, 'status', 'closed', context)).toBe('Closed');
    expect(valueText(AuditEntityType.Application, 'status', 'offer', context)).toBe('Offer made');
    expect(valueText(AuditEntityType.Job, 'salary', { min: 40000, max: 50000, currency: 'EUR' }, context)).toBe(
      '€40,000 – €50,000',
    );
    expect(valueText(AuditEntityType.Job, 'pipeline', ['Phone screen', 'Final'], context)).toBe('Phone screen, Final');
    expect(valueText(AuditEntityType.Job, 'pipeline', [], context)).toBe('none');
    expect(valueText(AuditEntityType.User, 'disabledAt', '2026-07-01T08:00:00.000Z', context)).toMatch(
      /\b0?9:00\b.*(GMT\+1|BST)/,
    );
  });

  it('says a job’s promise in working days, and keeps older changes in working hours readable', () => {
    expect(fieldLabel('answerWithinWorkingDays')).toBe('Answer candidates within');
    expect(valueText(AuditEntityType.Job, 'answerWithinWorkingDays', 2, context)).toBe('2 working days');
    expect(valueText(AuditEntityType.Job, 'answerWithinWorkingDays', 1, context)).toBe('1 working day');
    expect(fieldLabel('screeningWithinWorkingDays')).toBe('Tell applicants whether they move forward within');
    expect(valueText(AuditEntityType.Job, 'screeningWithinWorkingDays', 5, context)).toBe('5 working days');
    expect(valueText(AuditEntityType.Job, 'screeningWithinWorkingDays', 1, context)).toBe('1 working day');
    expect(valueText(AuditEntityType.Job, 'feedbackDeadlineHours', 48, context)).toBe('48 working hours');
  });

  it('marks long values and words the trail does not keep', () => {
    const [description, notes, removed] = shownChanges(
      anAuditEvent({
        changes: {
          description: { before: 'Short.', after: 'x'.repeat(LONG_VALUE_LENGTH + 1) },
          internalNotes: { after: AUDIT_TEXT_CHANGED },
          rejectionMessage: { before: AUDIT_TEXT_CHANGED, after: null },
        },
      }),
      context,
    );
    expect(description).toMatchObject({ kind: 'changed', long: true, before: 'Short.' });
    expect(notes).toMatchObject({
      kind: 'text',
      after: 'Written or changed (the words are not copied to the audit trail)',
    });
    expect(removed).toMatchObject({ kind: 'text', after: 'Removed (the words are not copied to the audit trail)' });
  });

  it('reads only filters the API accepts from a link', () => {
    expect(
      auditFiltersFrom({
        actorId: 'me',
        entityType: 'invoice',
        action: 'job.updated',
        from: '1 May',
        to: '2026-05-01',
      }),
    ).toEqual({ actorId: '', entityType: '', entityId: '', action: 'job.updated', from: '', to: '2026-05-01' });
  });
});
