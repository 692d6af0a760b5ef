import { SatisfactionAnswer, SatisfactionView } from '@heardback/contracts';

/** A closed application's "how did we do", unanswered unless `answer` is given. */
export function aSatisfactionView(overrides: Partial<SatisfactionView> = {}): SatisfactionView {
  return {
    jobTitle: 'Backend Engineer',
    clientName: 'Northwind',
    answer: null,
    answerableUntil: '2026-07-01T12:00:00.000Z',
    answerable: true,
    ...overrides,
  };
}

export function aSatisfactionAnswer(overrides: Partial<SatisfactionAnswer> = {}): SatisfactionAnswer {
  return {
    recommendScore: 8,
    keptInformed: null,
    words: null,
    answeredAt: '2026-06-01T12:00:00.000Z',
    ...overrides,
  };
}
