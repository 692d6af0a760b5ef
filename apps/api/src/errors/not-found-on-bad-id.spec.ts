import { ErrorCode } from '@heardback/contracts';
import { DomainError } from '@heardback/domain';
import { notFoundOnBadId } from './not-found-on-bad-id';

describe('notFoundOnBadId', () => {
  const param = { type: 'param' as const, data: 'id' };

  it('gives an id written in capitals in the form the database stores it', async () => {
    await expect(notFoundOnBadId.transform('0A297C84-3000-90A5-28B5-A8A83483C249', param)).resolves.toBe(
      '0a297c84-3000-90a5-28b5-a8a83483c249',
    );
  });

  it('answers anything that is not a UUID with a 404', async () => {
    await expect(notFoundOnBadId.transform('not-an-id', param)).rejects.toEqual(
      new DomainError(ErrorCode.NotFound, 'Not found.'),
    );
  });
});
