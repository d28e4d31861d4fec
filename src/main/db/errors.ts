// The one error type a workspace open (or a workspace I/O failure) raises, with a stable code for the UI.

export type WorkspaceErrorCode =
  'not_sqlite' | 'not_workspace' | 'newer_version' | 'checksum_mismatch' | 'unexpected_schema' | 'needs_upgrade' | 'not_found' | 'io';

export class WorkspaceError extends Error {
  override readonly name = 'WorkspaceError';

  constructor(
    readonly code: WorkspaceErrorCode,
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const OPEN_OR_CREATE = 'Open a workspace file (.reconciler) or create a new one.';

/** The file exists but is not one of ours; `why` completes "it is …" / "the file …". */
export function notWorkspace(path: string, why: string, code: 'not_sqlite' | 'not_workspace' = 'not_workspace'): WorkspaceError {
  return new WorkspaceError(code, path, `${path} is not a Reconciler workspace: ${why}. ${OPEN_OR_CREATE}`);
}

export function notSqlite(path: string): WorkspaceError {
  return notWorkspace(path, 'it is not a SQLite database', 'not_sqlite');
}

export function newerVersion(path: string, schema: number, known: number): WorkspaceError {
  return new WorkspaceError(
    'newer_version',
    path,
    `${path} was written by a newer version of Reconciler (schema ${schema}; this version knows up to ${known}). Update Reconciler to open it.`,
  );
}

export function checksumMismatch(path: string, detail: string): WorkspaceError {
  return new WorkspaceError(
    'checksum_mismatch',
    path,
    `${path} cannot be opened safely: ${detail}. It may have been changed outside Reconciler or by a development build; it was left untouched.`,
  );
}

/** The file's own SQL (triggers, views, indexes, tables) is not what this version's migrations create. */
export function schemaChanged(path: string, differences: readonly string[]): WorkspaceError {
  const shown = differences.length > 6 ? [...differences.slice(0, 6), `${differences.length - 6} more`] : differences;
  return new WorkspaceError(
    'unexpected_schema',
    path,
    `${path} cannot be opened safely: its database structure was changed outside Reconciler (${shown.join('; ')}). ` +
      'It was left untouched. ' +
      'Open a copy of the workspace you trust, or create a new workspace and import your files again.',
  );
}

export function notFound(path: string): WorkspaceError {
  return new WorkspaceError('not_found', path, `No workspace at ${path}. Choose an existing workspace file or create a new one.`);
}

export function ioError(path: string, what: string, cause: unknown): WorkspaceError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new WorkspaceError('io', path, `${path} could not be ${what}: ${reason}`, { cause });
}

/** The `code` of a Node system error (ENOENT, EEXIST, …), if it is one. */
export const errnoCode = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : undefined;
