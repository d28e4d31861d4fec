// The consent page a browser test can click through: tenant checkboxes (when there are several) and "Allow access".
export interface ConsentView {
  requestId: string;
  appName: string;
  scopes: string[];
  tenants: { tenantId: string; tenantName: string }[];
  error?: string;
}

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

export function consentPage(v: ConsentView): string {
  const tenants =
    v.tenants.length > 1
      ? `<fieldset><legend>Select organisations</legend>${v.tenants
          .map((t) => `<label><input type="checkbox" name="tenant" value="${esc(t.tenantId)}" checked> ${esc(t.tenantName)}</label><br>`)
          .join('')}</fieldset>`
      : v.tenants
          .map(
            (t) =>
              `<input type="hidden" name="tenant" value="${esc(t.tenantId)}"><p>Organisation: <strong>${esc(t.tenantName)}</strong></p>`,
          )
          .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Xero | Authorise ${esc(v.appName)}</title></head>
<body>
<h1>${esc(v.appName)} wants to access your Xero data</h1>
${v.error ? `<p role="alert">${esc(v.error)}</p>` : ''}
<form method="post" action="consent">
<input type="hidden" name="request" value="${esc(v.requestId)}">
<ul>${v.scopes.map((s) => `<li>${esc(s)}</li>`).join('')}</ul>
${tenants}
<button type="submit" name="action" value="allow">Allow access</button>
<button type="submit" name="action" value="deny">Cancel</button>
</form>
</body></html>`;
}

export function errorPage(title: string, detail: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Xero | Error</title></head><body><h1>${esc(title)}</h1><p>${esc(detail)}</p></body></html>`;
}
