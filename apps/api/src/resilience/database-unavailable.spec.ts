import { QueryFailedError } from 'typeorm';
import { databaseUnavailableReason } from './database-unavailable';

const pgError = (code: string, message = 'pg says no') => Object.assign(new Error(message), { code });

describe('databaseUnavailableReason', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a reset connection', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['an administrator shutdown (a restart)', pgError('57P01', 'terminating connection due to administrator command')],
    ['a server starting up', pgError('57P03', 'the database system is starting up')],
    ['a connection failure (class 08)', pgError('08006', 'connection failure')],
    ['too many connections', pgError('53300', 'sorry, too many clients already')],
    ['a statement timeout', pgError('57014', 'canceling statement due to statement timeout')],
    ['the pool giving up', new Error('timeout exceeded when trying to connect')],
    ['a client-side query timeout', new Error('Query read timeout')],
    ['a connection ended under a query', new Error('Connection terminated unexpectedly')],
  ])('recognises %s', (_what, error) => {
    expect(databaseUnavailableReason(error)).not.toBeNull();
  });

  it('looks through TypeORM to the driver error', () => {
    const wrapped = new QueryFailedError('SELECT 1', [], pgError('57P01', 'terminating connection'));
    expect(databaseUnavailableReason(wrapped)).toBe('PostgreSQL 57P01');
  });

  it.each([
    ['a broken constraint', pgError('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error in our SQL', pgError('42601', 'syntax error')],
    ['a missing table', pgError('42P01', 'relation "x" does not exist')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['not an error at all', 'a string'],
  ])('leaves %s to be a 4xx or a 500', (_what, error) => {
    expect(databaseUnavailableReason(error)).toBeNull();
  });
});
