// The Xero client: endpoints, PKCE sign-in, token storage, the rate-limited Accounting client, and sync.
export {
  endpointsFor,
  isProduction,
  XERO_PRODUCTION,
  XERO_PRODUCTION_URL,
  XERO_SCOPES,
  DEV_CLIENT_ID,
  DEFAULT_REDIRECT_PORT,
  type XeroEndpoints,
} from './endpoints';
export { systemClock, scaledClock, seededRandom, type Clock } from './clock';
export {
  XeroError,
  XeroApiError,
  XeroAuthError,
  XeroNetworkError,
  XeroRateLimitError,
  XeroDayBudgetError,
  parseXeroNodeRejection,
  type XeroFailure,
} from './errors';
export { signIn, type OpenBrowser, type SignInOptions, type SignInResult } from './auth/sign-in';
export { startCallbackListener, type CallbackListener } from './auth/loopback-listener';
export { createTokenClient, type TokenClient, type XeroConnection } from './auth/token-client';
export { TokenManager, type AccessTokenSource } from './auth/token-manager';
export { chooseTenant, TenantChoiceError, type TenantRef } from './auth/tenant-choice';
export type { StoredTokens } from './auth/token-set';
export { createMemorySecretStore, tokenKey, type SecretStore } from './storage/secret-store';
export { createFileSecretStore, FILE_STORE_WARNING } from './storage/file-secret-store';
export { resolveConfigDir } from './storage/config-dir';
export { loadSettings, saveSettings, type XeroSettings } from './storage/settings';
export { createAccountingClient, type XeroAccountingClient, type CallOptions, type CallResult } from './api/accounting-client';
export { RateLimiterRegistry, TenantRateLimiter, XERO_RATE_LIMITS, sharedRateLimiters, type RateLimits } from './api/rate-limiter';
export { DEFAULT_RETRY, type RetryOptions } from './api/retry-policy';
export { fetchPage, type ListKind, type RawPage } from './api/list-pages';
export { readBinding, type XeroBinding } from './binding';
export { connectWorkspace, disconnectWorkspace, type ConnectOptions, type ConnectResult, type DisconnectResult } from './connect';
export { openXeroSession, type SessionOptions, type XeroSession } from './session';
export {
  syncXeroSide,
  SyncCancelledError,
  type SyncOptions,
  type SyncProgress,
  type SyncSummary,
  type EntitySummary,
} from './sync/run-sync';
export { SYNC_ENTITIES, type SyncEntity } from './sync/cursor';
export { limitFloorMs } from './sync/eta';
