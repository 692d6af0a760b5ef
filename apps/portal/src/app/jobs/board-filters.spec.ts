import { JOB_LOCATION_MAX_LENGTH, JOB_SEARCH_TEXT_MAX_LENGTH, WorkMode } from '@heardback/contracts';
import { aJobSummary } from '../testing/factories';
import {
  EMPTY_BOARD_QUERY,
  boardQueryFrom,
  clientOptions,
  filtersButtonText,
  resultsInWords,
  shownOfTotal,
  withClientsOf,
} from './board-filters';

describe('boardQueryFrom', () => {
  it('cuts a link’s search text to what the API searches, so a long link still shows jobs', () => {
    const query = boardQueryFrom({ q: 'engineer '.repeat(40), location: 'London'.repeat(30), workMode: 'nowhere' });
    expect(query.q.length).toBeLessThanOrEqual(JOB_SEARCH_TEXT_MAX_LENGTH);
    expect(query.q.startsWith('engineer engineer')).toBe(true);
    expect(query.location.length).toBe(JOB_LOCATION_MAX_LENGTH);
    expect(query.workMode).toBe('');
  });
});

describe('resultsInWords', () => {
  it('counts every matching job, not just those loaded so far', () => {
    expect(resultsInWords(1, EMPTY_BOARD_QUERY)).toBe('1 job');
    expect(resultsInWords(29, EMPTY_BOARD_QUERY)).toBe('29 jobs');
    expect(shownOfTotal(20, 29)).toBe('Showing 20 of 29 jobs');
    expect(resultsInWords(0, EMPTY_BOARD_QUERY)).toBe('There are no open jobs right now');
  });

  it('says what the jobs match: the search term, the filters, or both', () => {
    const searched = { ...EMPTY_BOARD_QUERY, q: 'nurse' };
    const filtered = { ...EMPTY_BOARD_QUERY, workMode: WorkMode.Remote };
    expect(resultsInWords(1, searched)).toBe('1 job matches “nurse”');
    expect(resultsInWords(3, filtered)).toBe('3 jobs match your filters');
    expect(resultsInWords(0, { ...filtered, q: 'nurse' })).toBe('No jobs match “nurse” and your filters');
  });
});

describe('filtersButtonText', () => {
  it('says how many filters are in use behind the phone’s Filters button', () => {
    expect(filtersButtonText(EMPTY_BOARD_QUERY)).toBe('Filters');
    expect(filtersButtonText({ ...EMPTY_BOARD_QUERY, q: 'nurse', workMode: WorkMode.Remote, location: 'Leeds' })).toBe(
      'Filters (2)',
    );
  });
});

describe('withClientsOf', () => {
  it('adds the clients of new results, and keeps the same map when none is new', () => {
    const known = new Map([['client-1', 'Northwind Logistics']]);
    expect(withClientsOf([aJobSummary()], known)).toBe(known);

    const next = withClientsOf([aJobSummary({ clientId: 'client-2', clientName: 'Bluefin Health' })], known);
    expect([...next]).toEqual([
      ['client-1', 'Northwind Logistics'],
      ['client-2', 'Bluefin Health'],
    ]);
  });
});

describe('clientOptions', () => {
  it('lists the clients by name, and keeps the one chosen in a link before any result shows it', () => {
    const seen = new Map([
      ['client-2', 'Northwind Logistics'],
      ['client-1', 'Bluefin Health'],
    ]);
    expect(clientOptions(seen, '').map((option) => option.name)).toEqual(['Bluefin Health', 'Northwind Logistics']);
    expect(clientOptions(seen, 'client-9')).toContainEqual({ id: 'client-9', name: 'The client in your link' });
  });
});
