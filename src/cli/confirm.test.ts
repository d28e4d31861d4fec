// The CLI's yes/no question over real streams: only y/yes is a yes; an empty line, anything else or the end of
// input is a no.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { askYesNo, canAsk } from './confirm';

async function ask(typed: string | null): Promise<{ answer: string; shown: string }> {
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = '';
  output.on('data', (d: Buffer) => (shown += d.toString('utf8')));
  const pending = askYesNo('Write 3 changes to Acme? [y/N] ', input, output);
  if (typed === null) input.end();
  else input.write(typed);
  return { answer: await pending, shown };
}

describe('askYesNo', () => {
  it('shows the question and takes y or yes, in any case, as a yes', async () => {
    for (const typed of ['y\n', 'Y\n', 'yes\n', ' YES \n'])
      expect(await ask(typed)).toMatchObject({ answer: 'yes', shown: 'Write 3 changes to Acme? [y/N] ' });
  });

  it('anything else, an empty line or the end of input is a no', async () => {
    for (const typed of ['n\n', '\n', 'yep\n', 'no\n', 'sure\n']) expect((await ask(typed)).answer).toBe('no');
    expect((await ask(null)).answer).toBe('no');
  });

  it('asks only when both standard input and output are terminals', () => {
    const tty = Object.assign(new PassThrough(), { isTTY: true });
    expect(canAsk(tty, tty)).toBe(true);
    expect(canAsk(new PassThrough(), tty)).toBe(false);
    expect(canAsk(tty, new PassThrough())).toBe(false);
  });
});
