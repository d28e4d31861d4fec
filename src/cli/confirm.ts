// A yes/no question on the terminal, for commands that write somewhere that matters (push to Xero). Only "y" or
// "yes" (any case) is a yes; anything else, an empty line or the end of input is a no; Ctrl-C at the question
// interrupts.
import { createInterface } from 'node:readline';

export type Answer = 'yes' | 'no' | 'interrupted';

/** True when a person can be asked: both standard input and output are a terminal. */
export const canAsk = (input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): boolean =>
  (input as { isTTY?: boolean }).isTTY === true && (output as { isTTY?: boolean }).isTTY === true;

export function askYesNo(
  question: string,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stderr,
): Promise<Answer> {
  return new Promise((resolve) => {
    const rl = createInterface({ input, output, terminal: (input as { isTTY?: boolean }).isTTY === true });
    let answered = false;
    const finish = (a: Answer): void => {
      if (answered) return;
      answered = true;
      rl.close();
      resolve(a);
    };
    rl.on('SIGINT', () => {
      output.write('\n');
      finish('interrupted');
    });
    rl.on('close', () => {
      if (!answered) output.write('\n');
      finish('no');
    });
    rl.question(question, (line) => finish(/^\s*y(es)?\s*$/i.test(line) ? 'yes' : 'no'));
  });
}
