import { describe, expect, it } from 'vitest';
import { formatProblem, ImportError, type Problem } from './import-problems';

describe('ImportError', () => {
  it('is a one-line message for a file-level problem', () => {
    const e = ImportError.file('x.csv is empty. Export it again.');
    expect(e.message).toBe('x.csv is empty. Export it again.');
    expect(e.problems).toEqual([{ row: 0, severity: 'error', message: 'x.csv is empty. Export it again.' }]);
    expect(e.name).toBe('ImportError');
  });

  it('lists errors (not warnings) after the summary, at most 20, then "… and N more"', () => {
    const problems: Problem[] = [
      { row: 2, severity: 'warning', message: 'empty row skipped' },
      ...Array.from({ length: 23 }, (_, i): Problem => ({
        row: i + 3,
        column: 'Code',
        severity: 'error',
        message: 'the billing account code is empty',
      })),
    ];
    const lines = new ImportError('f.csv was not imported.', problems).message.split('\n');
    expect(lines[0]).toBe('f.csv was not imported.');
    expect(lines[1]).toBe('  row 3 (Code): the billing account code is empty');
    expect(lines).toHaveLength(22);
    expect(lines[21]).toBe('  … and 3 more');
  });

  it('formats a problem without a row as its message', () => {
    expect(formatProblem({ row: 0, severity: 'error', message: 'bad file' })).toBe('bad file');
    expect(formatProblem({ row: 7, severity: 'warning', message: 'w' })).toBe('row 7: w');
  });
});
