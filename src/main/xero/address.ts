// Which Xero addresses tokens and sign-ins may go to: Xero's production hosts, or a stand-in on this machine
// (loopback) that the user named for this run or in settings. A workspace file is not trusted to choose one.
import { isProduction, normaliseBaseUrl, XERO_PRODUCTION_URL } from './endpoints';
import { XeroAddressError } from './errors';

/** How the user names a loopback Xero stand-in for a run (besides `xeroBaseUrl` in settings, and `connect --xero-url`). */
export const STAND_IN_ENV = 'RECONCILER_XERO_URL';

/** http(s) on 127.0.0.0/8, [::1] or localhost. */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The stand-in the user named: the first given of `candidates` (flag, environment, settings) that is not Xero itself. */
export function namedStandIn(...candidates: (string | undefined)[]): string | undefined {
  const given = candidates.find((c) => c !== undefined && c.trim() !== '');
  return given === undefined || isProduction(given) ? undefined : given;
}

/**
 * `baseUrl` normalised when tokens may go there: Xero's production address (or none), or exactly the loopback
 * stand-in the user named. Anything else is refused before a request is made.
 */
export function trustedXeroUrl(baseUrl: string | undefined, standIn: string | undefined): string {
  if (isProduction(baseUrl)) return XERO_PRODUCTION_URL;
  const url = normaliseBaseUrl(baseUrl!);
  if (!isLoopbackUrl(url)) {
    throw new XeroAddressError(
      `This workspace names ${url} as its Xero, which is neither Xero (${XERO_PRODUCTION_URL}) nor a stand-in on this computer; ` +
        'nothing was sent there. Connect it to Xero again (reconciler connect --xero-url https://api.xero.com), or use a workspace you made yourself.',
    );
  }
  const named = standIn === undefined ? undefined : normaliseBaseUrl(standIn);
  if (named !== url) {
    throw new XeroAddressError(
      `This workspace names a Xero stand-in at ${url}${named ? `, not the one named for this run (${named})` : ''}; nothing was sent there. ` +
        `To use it with Xero, connect it again (reconciler connect --xero-url ${XERO_PRODUCTION_URL}); only if you run that stand-in yourself, ` +
        `name it: set ${STAND_IN_ENV}=${url} (or xeroBaseUrl in settings).`,
    );
  }
  return url;
}
