import { PromiseKind } from '@heardback/contracts';
import { AUTOMATIC_UPDATE_WORDS, hearByLine, promiseLine } from './promise-words';
import { aCandidateApplicationBetweenInterviews, aPromise, TEST_NOW } from '../testing/factories';

const inLondon = { locale: 'en-GB', timeZone: 'Europe/London' };
/** Fri 5 Jun 2026, 17:00 in London: after TEST_NOW (Mon 1 Jun, 12:00 UTC). */
const DUE = '2026-06-05T16:00:00.000Z';
const DUE_WORDS = 'Fri, 5 Jun 2026, 17:00 BST';

function lineFor(promise: ReturnType<typeof aPromise> | null, now = TEST_NOW) {
  return promiseLine(aCandidateApplicationBetweenInterviews({ promise }), now, inLondon);
}

describe('promiseLine', () => {
  it.each([
    [PromiseKind.Screening, null, `We will tell you whether you move forward by ${DUE_WORDS}`],
    [PromiseKind.Answer, 's2', `We will tell you how your Technical interview went by ${DUE_WORDS}`],
    [PromiseKind.NextStep, 's3', `We will tell you when your next interview is by ${DUE_WORDS}`],
    [PromiseKind.Hold, 's1', `Your Phone screen stage is on hold: you will hear from us again by ${DUE_WORDS}`],
    [PromiseKind.UpdateRequest, null, `We will answer your question by ${DUE_WORDS}`],
    [PromiseKind.OfferReply, null, `Please reply to the offer by ${DUE_WORDS}`],
  ])('says a %s promise with its date, in the reader’s zone', (kind, stageId, text) => {
    expect(lineFor(aPromise({ kind, stageId, dueAt: DUE }))).toEqual({ late: false, text, moved: null });
  });

  it('writes the date in the zone it is given, with the zone named', () => {
    const line = promiseLine(
      aCandidateApplicationBetweenInterviews({ promise: aPromise({ kind: PromiseKind.Screening, dueAt: DUE }) }),
      TEST_NOW,
      { locale: 'en-GB', timeZone: 'America/New_York' },
    );
    expect(line?.text).toBe('We will tell you whether you move forward by Fri, 5 Jun 2026, 12:00 GMT-4');
  });

  it('promises nothing when the API sends no promise (a closed application)', () => {
    expect(lineFor(null)).toBeNull();
  });

  it('says plainly once the date has passed, and that a late answer was chased', () => {
    const promise = aPromise({ kind: PromiseKind.Answer, stageId: 's2', dueAt: DUE });
    const after = new Date('2026-06-05T16:00:01.000Z');
    expect(lineFor(promise, after)).toEqual({
      late: true,
      text: `Our answer about Technical interview is late: it was due ${DUE_WORDS}.`,
      moved: null,
    });

    const application = aCandidateApplicationBetweenInterviews({ promise });
    application.stages[1] = { ...application.stages[1], chased: true };
    const chased = promiseLine(application, after, inLondon);
    expect(chased?.text).toBe(
      `Our answer about Technical interview is late: it was due ${DUE_WORDS}. We have chased it.`,
    );
  });

  it('is not late at the very moment it is due', () => {
    expect(lineFor(aPromise({ kind: PromiseKind.OfferReply, dueAt: DUE }), new Date(DUE))?.late).toBe(false);
  });

  it('shows a date a person moved with their sentence and the date it replaced', () => {
    const line = lineFor(
      aPromise({
        kind: PromiseKind.Answer,
        stageId: 's2',
        dueAt: DUE,
        sentence: 'The hiring manager is away until Thursday.',
        previousDueAts: ['2026-06-02T16:00:00.000Z', '2026-06-03T16:00:00.000Z'],
      }),
    );
    expect(line?.moved).toEqual({
      was: 'Wed, 3 Jun 2026',
      sentence: 'The hiring manager is away until Thursday.',
      automatic: false,
    });
  });

  it('says honestly when the agency’s rules set the date, never passing it off as a person’s sentence', () => {
    const line = lineFor(
      aPromise({
        kind: PromiseKind.Answer,
        stageId: 's2',
        dueAt: DUE,
        automatic: true,
        sentence: 'We do not have an answer yet.',
        previousDueAts: ['2026-06-02T16:00:00.000Z'],
      }),
    );
    expect(line?.moved).toEqual({ was: 'Tue, 2 Jun 2026', sentence: null, automatic: true });
    expect(AUTOMATIC_UPDATE_WORDS).toBe(
      "We didn't have an answer by the date we gave you. We have chased it; this is the new date.",
    );
  });

  it('names no stage it cannot find, rather than a blank', () => {
    expect(lineFor(aPromise({ kind: PromiseKind.Hold, stageId: 'gone', dueAt: DUE }))?.text).toBe(
      `Your application is on hold: you will hear from us again by ${DUE_WORDS}`,
    );
    expect(lineFor(aPromise({ kind: PromiseKind.Answer, stageId: null, dueAt: DUE }))?.text).toBe(
      `We will tell you how your interview went by ${DUE_WORDS}`,
    );
  });
});

describe('hearByLine', () => {
  it('says “Hear by” for what the agency owes, and “Reply by” for an offer', () => {
    expect(hearByLine({ kind: PromiseKind.Screening, dueAt: DUE }, TEST_NOW, inLondon)).toEqual({
      late: false,
      text: `Hear by ${DUE_WORDS}`,
    });
    expect(hearByLine({ kind: PromiseKind.OfferReply, dueAt: DUE }, TEST_NOW, inLondon)).toEqual({
      late: false,
      text: `Reply by ${DUE_WORDS}`,
    });
  });

  it('says it is late once the date has passed, and nothing without a promise', () => {
    const after = new Date('2026-06-06T09:00:00.000Z');
    expect(hearByLine({ kind: PromiseKind.Hold, dueAt: DUE }, after, inLondon)).toEqual({
      late: true,
      text: `Late: you were to hear by ${DUE_WORDS}`,
    });
    expect(hearByLine(null, TEST_NOW, inLondon)).toBeNull();
  });
});
