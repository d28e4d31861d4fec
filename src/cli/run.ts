// Runs a command's action and turns known failures into a clear message and a documented exit code.
import { WorkspaceError } from '../main/db/errors';
import { ImportError } from '../main/cocoon/import-problems';
import { TenantChoiceError } from '../main/xero/auth/tenant-choice';
import { XeroDayBudgetError, XeroError } from '../main/xero/errors';
import { SyncCancelledError } from '../main/xero/sync/cancelled';
import { EXIT } from './exit-codes';

export class CliUsageError extends Error {}

export function exitCodeFor(error: unknown): number {
  if (error instanceof ImportError) return EXIT.badInput;
  if (error instanceof WorkspaceError) return EXIT.workspace;
  if (error instanceof CliUsageError || error instanceof TenantChoiceError) return EXIT.usage;
  if (error instanceof XeroDayBudgetError) return EXIT.budget;
  if (error instanceof XeroError) return EXIT.xero;
  if (error instanceof SyncCancelledError || (error instanceof Error && error.name === 'CancelledError')) return EXIT.cancelled;
  return EXIT.unexpected;
}

export function action<A extends unknown[]>(fn: (...args: A) => Promise<number | void> | number | void) {
  return async (...args: A): Promise<void> => {
    try {
      const code = await fn(...args);
      process.exitCode = code ?? EXIT.ok;
    } catch (error) {
      const code = exitCodeFor(error);
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(
        code === EXIT.unexpected
          ? `Unexpected error (please report it): ${error instanceof Error && error.stack ? error.stack : message}\n`
          : `${message}\n`,
      );
      process.exitCode = code;
    }
  };
}
