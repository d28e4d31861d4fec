// The loopback Xero stand-in the user named for a CLI run: the only address besides Xero's that tokens may go to.
import { namedStandIn, STAND_IN_ENV } from '../main/xero/address';
import { resolveConfigDir } from '../main/xero/storage/config-dir';
import { loadSettings } from '../main/xero/storage/settings';

/** --xero-url (connect), then RECONCILER_XERO_URL, then xeroBaseUrl in settings; undefined when all name Xero itself. */
export async function standInForRun(flag?: string): Promise<string | undefined> {
  return namedStandIn(flag, process.env[STAND_IN_ENV], (await loadSettings(resolveConfigDir())).xeroBaseUrl);
}
