// Problems found while reading an import file, and the error that carries them.

import type { Problem } from '../../shared/contract';

/** One thing wrong (or worth knowing) about an input file: the contract's Problem. */
export type { Problem };

/** How many problems an ImportError's message lists before "… and N more". */
export const LISTED_PROBLEMS = 20;

/** "row 4 (Billing Account Code): message", or just the message for file-level problems. */
export function formatProblem(problem: Problem): string {
  if (problem.row <= 0) return problem.message;
  const where = problem.column ? `row ${problem.row} (${problem.column})` : `row ${problem.row}`;
  return `${where}: ${problem.message}`;
}

/** The summary line, then up to `limit` errors (warnings when there are no errors), then "… and N more". */
export function formatProblems(summary: string, problems: readonly Problem[], limit = LISTED_PROBLEMS): string {
  const errors = problems.filter((p) => p.severity === 'error');
  const listed = errors.length > 0 ? errors : problems;
  if (listed.length === 1 && listed[0]?.row === 0 && listed[0].message === summary) return summary;
  const lines = listed.slice(0, limit).map((p) => `  ${formatProblem(p)}`);
  if (listed.length > limit) lines.push(`  … and ${listed.length - limit} more`);
  return [summary, ...lines].join('\n');
}

/**
 * An input file cannot be imported. The first line of the message says what is wrong and what to do;
 * the following lines list the problems (with row numbers where they have one).
 */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  readonly problems: Problem[];

  constructor(summary: string, problems: readonly Problem[] = [], options?: { cause?: unknown }) {
    const all = problems.length > 0 ? [...problems] : [{ row: 0, severity: 'error' as const, message: summary }];
    super(formatProblems(summary, all), options);
    this.problems = all;
  }

  /** The error again from its message and problems, as another thread reported them. */
  static revive(message: string, problems: readonly Problem[]): ImportError {
    const error = new ImportError('', problems);
    error.message = message;
    return error;
  }

  /** A file-level error: one problem whose message is the summary itself. */
  static file(message: string, cause?: unknown): ImportError {
    return new ImportError(message, [], cause === undefined ? undefined : { cause });
  }
}
