// Addresses in Xero's web app that the app links to. A contact opens at go.xero.com/Contacts/View/<ContactID>, which
// Xero sends on to the organisation the user is signed in to (the organisation's short code, which the newer
// /app/<shortCode>/contacts/contact/<id> address needs, would take a call to /Organisation and a scope the app does not ask for).

export const XERO_WEB_APP = 'https://go.xero.com';

/** The contact's page in Xero's web app. */
export function xeroContactUrl(contactId: string): string {
  return `${XERO_WEB_APP}/Contacts/View/${encodeURIComponent(contactId)}`;
}
