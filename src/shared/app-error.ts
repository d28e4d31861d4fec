// A failure the UI can act on, with the contract's error code (no workspace open, unknown account, …).
import type { ApiErrorCode } from './api-client';

export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const noWorkspace = (): AppError =>
  new AppError('no_workspace', 'No workspace is open. Open the demo, connect Xero or import a CocoonOPS export first.');

export const unknownAccount = (code: string): AppError =>
  new AppError('not_found', `There is no billing account "${code}" in this workspace (was it removed by a newer import?).`);
