/** A job description as the page shows it: paragraphs, and the lists a recruiter typed as "- " lines. */
export type DescriptionBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

/** A line that starts a list item: "- ", "* " or "• " (what people type in a plain text box). */
const BULLET = /^\s*[-*•]\s+/;

/**
 * Splits a description at blank lines into paragraphs, and each run of bullet lines into a list, so
 * "- Kotlin\n- Postgres" reads as a list and not as two lines starting with a dash. Plain text only:
 * the words are shown as text, never as markup.
 */
export function descriptionBlocks(description: string): DescriptionBlock[] {
  const blocks: DescriptionBlock[] = [];
  for (const chunk of description.split(/\n\s*\n/)) {
    let lines: string[] = [];
    let items: string[] = [];
    const flushLines = () => {
      const text = lines.join('\n').trim();
      if (text) blocks.push({ kind: 'paragraph', text });
      lines = [];
    };
    const flushItems = () => {
      if (items.length > 0) blocks.push({ kind: 'list', items });
      items = [];
    };
    for (const line of chunk.split('\n')) {
      if (BULLET.test(line)) {
        flushLines();
        const item = line.replace(BULLET, '').trim();
        if (item) items.push(item);
      } else if (items.length > 0 && /^\s+\S/.test(line)) {
        // An indented line carries on the item above it.
        items[items.length - 1] += ` ${line.trim()}`;
      } else {
        flushItems();
        lines.push(line);
      }
    }
    flushLines();
    flushItems();
  }
  return blocks;
}
