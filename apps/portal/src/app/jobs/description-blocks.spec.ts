import { descriptionBlocks } from './description-blocks';

describe('descriptionBlocks', () => {
  it('keeps paragraphs split at blank lines, and the line breaks inside one', () => {
    expect(descriptionBlocks('First line\nsecond line\n\n  Next paragraph.  \n\n\n')).toEqual([
      { kind: 'paragraph', text: 'First line\nsecond line' },
      { kind: 'paragraph', text: 'Next paragraph.' },
    ]);
  });

  it('turns a run of "- ", "* " or "• " lines into a list, with the text around it kept apart', () => {
    expect(descriptionBlocks('What you will use:\n- Kotlin\n* PostgreSQL\n•  Kafka\nAnd more.')).toEqual([
      { kind: 'paragraph', text: 'What you will use:' },
      { kind: 'list', items: ['Kotlin', 'PostgreSQL', 'Kafka'] },
      { kind: 'paragraph', text: 'And more.' },
    ]);
  });

  it('joins an indented line to the item above it, and leaves a dash inside a sentence alone', () => {
    expect(descriptionBlocks('- Own the platform,\n  end to end\n\nSalary - negotiable')).toEqual([
      { kind: 'list', items: ['Own the platform, end to end'] },
      { kind: 'paragraph', text: 'Salary - negotiable' },
    ]);
  });

  it('shows nothing for an empty description, and markup as the text it is', () => {
    expect(descriptionBlocks('  \n\n ')).toEqual([]);
    expect(descriptionBlocks('- <b>bold</b>')).toEqual([{ kind: 'list', items: ['<b>bold</b>'] }]);
  });
});
