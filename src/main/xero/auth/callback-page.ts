// The small page the browser shows after the redirect to our loopback listener.

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

export function callbackPage(title: string, detail: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font:16px system-ui,sans-serif;margin:4rem auto;max-width:32rem;color:#222}</style></head>
<body><h1>${esc(title)}</h1><p>${esc(detail)}</p></body></html>`;
}

export const SUCCESS_PAGE = callbackPage('Connected to Xero', 'You can close this window and return to Reconciler.');
