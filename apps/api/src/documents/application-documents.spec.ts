import { COVER_LETTER_TEXT_MAX_LENGTH, ErrorCode } from '@heardback/contracts';
import { DomainError } from '@heardback/domain';
import { EntityManager } from 'typeorm';
import { attachApplicationDocuments } from './application-documents';

/** These refusals come before any query: a manager that is never to be touched proves it. */
const untouchable = new Proxy({} as EntityManager, {
  get: () => {
    throw new Error('the database was touched');
  },
});
const ids = { applicationId: 'a1', candidateId: 'c1' };

async function refusal(choice: Parameters<typeof attachApplicationDocuments>[1]): Promise<DomainError> {
  return attachApplicationDocuments(untouchable, choice).then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: DomainError) => error,
  );
}

describe('attachApplicationDocuments', () => {
  it('refuses a cover letter sent both as a file and as text, naming coverLetterText', async () => {
    const error = await refusal({ ...ids, coverLetterDocumentId: 'd1', coverLetterText: 'Dear agency' });
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.details).toEqual([
      { field: 'coverLetterText', reasons: ['send your cover letter as a file or as text, not both'] },
    ]);
  });

  it('refuses a typed cover letter over the limit', async () => {
    const error = await refusal({ ...ids, coverLetterText: 'x'.repeat(COVER_LETTER_TEXT_MAX_LENGTH + 1) });
    expect(error.details?.[0].field).toBe('coverLetterText');
  });

  it('refuses an id that is not even a document id, naming the field, without asking the database', async () => {
    const error = await refusal({ ...ids, cvDocumentId: 'not-a-uuid' });
    expect(error.details).toEqual([
      { field: 'cvDocumentId', reasons: ['is not one of your CVs: choose another or upload it again'] },
    ]);
  });
});
