/**
 * Every sentence a candidate reads about "how did we do" in an email (issue 13, item 5). The
 * portal's page has its own words in apps/portal/src/app/satisfaction/satisfaction-words.ts.
 */

export const RECOMMEND_QUESTION = 'How likely are you to recommend us?';
export const KEPT_INFORMED_QUESTION = 'Did you feel kept informed?';

export interface HowWeDidLinks {
  recommend: { score: number; link: string }[];
  keptInformed: { yes: string; no: string };
}

/**
 * The closing email's two one-click questions (plain text, as every email here is): each answer is
 * a link, one to a line so a phone's mail app keeps them apart.
 */
export function howWeDidEmailLines(links: HowWeDidLinks): string[] {
  const lowest = links.recommend[0]?.score;
  const highest = links.recommend.at(-1)?.score;
  return [
    'How did we do? One click answers; you can add a few words on the page it opens. Your recruiter never sees who said what.',
    '',
    `${RECOMMEND_QUESTION} (${lowest} = not at all likely, ${highest} = extremely likely)`,
    ...links.recommend.map(({ score, link }) => `${score}: ${link}`),
    '',
    KEPT_INFORMED_QUESTION,
    `Yes: ${links.keptInformed.yes}`,
    `No: ${links.keptInformed.no}`,
  ];
}
