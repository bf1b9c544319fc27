import { MARKER_END, MARKER_START, readMarkedBlock, upsertMarkedBlock } from './markers';

describe('upsertMarkedBlock', () => {
  const wrap = (marked: string) => `# Title\n\n${marked}\n`;

  it('creates the file around the block when it does not exist', () => {
    expect(upsertMarkedBlock(undefined, 'generated', wrap)).toBe(`# Title\n\n${MARKER_START}\ngenerated\n${MARKER_END}\n`);
  });

  it('replaces only the text between the markers', () => {
    const text = `user intro\n${MARKER_START}\nold\n${MARKER_END}\nuser outro\n`;
    expect(upsertMarkedBlock(text, 'new', wrap)).toBe(`user intro\n${MARKER_START}\nnew\n${MARKER_END}\nuser outro\n`);
  });

  it('appends the block to a file without markers, keeping its text', () => {
    expect(upsertMarkedBlock('mine\n\n', 'gen', wrap)).toBe(`mine\n\n${MARKER_START}\ngen\n${MARKER_END}\n`);
  });

  it('is idempotent', () => {
    const once = upsertMarkedBlock('mine\n', 'gen', wrap);
    expect(upsertMarkedBlock(once, 'gen', wrap)).toBe(once);
    expect(readMarkedBlock(once)).toBe('gen');
  });
});

describe('markers inside prose', () => {
  it('ignores markers that are mentioned inline and uses the ones on their own lines', () => {
    const text = `Keep text outside \`${MARKER_START}\`/\`${MARKER_END}\`.\n\n${MARKER_START}\nold\n${MARKER_END}\n`;
    expect(upsertMarkedBlock(text, 'new', (m) => m)).toBe(`Keep text outside \`${MARKER_START}\`/\`${MARKER_END}\`.\n\n${MARKER_START}\nnew\n${MARKER_END}\n`);
    expect(readMarkedBlock(text)).toBe('old');
  });
});
