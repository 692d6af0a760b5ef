import { INTERVIEWERS_MAX } from '@heardback/contracts';
import {
  contactChoiceLabel,
  pickableContacts,
  stageInterviewersText,
  withinInterviewerLimit,
} from './client-interviewers';
import { aClientContact } from '../testing/client-factories';

describe('client interviewers', () => {
  it('names a contact with their role when they have one', () => {
    expect(contactChoiceLabel({ fullName: 'Grace Hopper', role: 'CTO' })).toBe('Grace Hopper, CTO');
    expect(contactChoiceLabel({ fullName: 'Alan Turing', role: '' })).toBe('Alan Turing');
  });

  it('offers only the contacts who have not left the client', () => {
    const live = aClientContact({ id: 'live' });
    const gone = aClientContact({ id: 'gone', archivedAt: '2026-11-01T10:00:00.000Z' });
    expect(pickableContacts([live, gone])).toEqual([live]);
  });

  it('writes who interviews at a stage: the names typed, then the client’s people marked as such', () => {
    expect(
      stageInterviewersText({
        interviewers: ['Riley Recruiter'],
        clientInterviewers: [
          { id: 'c1', fullName: 'Grace Hopper', email: 'g@x.example', role: 'CTO' },
          { id: 'c2', fullName: 'Alan Turing', email: 'a@x.example', role: '' },
        ],
      }),
    ).toBe('Riley Recruiter, Grace Hopper (client, CTO), Alan Turing (client)');
    expect(stageInterviewersText({ interviewers: [], clientInterviewers: [] })).toBeNull();
    expect(stageInterviewersText({})).toBeNull();
  });

  it('counts the names typed and the contacts picked together against the limit', () => {
    expect(withinInterviewerLimit(INTERVIEWERS_MAX - 1, 1)).toBe(true);
    expect(withinInterviewerLimit(INTERVIEWERS_MAX, 1)).toBe(false);
  });
});
