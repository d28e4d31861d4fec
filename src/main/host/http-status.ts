// Error codes of the contract → HTTP status codes.
import type { ApiErrorCode } from '../../shared/api-client';

const STATUS: Record<ApiErrorCode, 400 | 401 | 404 | 409 | 422 | 500 | 503> = {
  bad_input: 400,
  unknown_channel: 404,
  unauthorized: 401,
  no_workspace: 409,
  not_found: 404,
  conflict: 409,
  import_failed: 422,
  workspace: 409,
  unavailable: 503,
  cancelled: 409,
  needs_confirmation: 409,
  reconnect: 409,
  internal: 500,
};

export const statusFor = (code: ApiErrorCode) => STATUS[code];
