// Each command's usage line and one-line description, in one place: the commands use them, and the overview
// (`reconciler --help`) lists them without loading any command's code.
export const USAGE = {
  match: 'match',
  import: 'import',
  findings: 'findings',
  status: 'status',
  connect: 'connect',
  sync: 'sync',
  disconnect: 'disconnect',
  sandbox: 'sandbox',
  exceptions: 'exceptions [file]',
  push: 'push',
  undo: 'undo <ids...>',
  audit: 'audit',
  checklist: 'checklist',
  web: 'web',
} as const;

export type CommandName = keyof typeof USAGE;

export const ABOUT: Record<CommandName, string> = {
  match: 'Match a CocoonOPS export against a Xero contacts file and write one finding per billing account (no workspace).',
  import: 'Import a file into a workspace (created if missing), then recompute the findings.',
  findings: 'Write the workspace findings: one row per billing account (the columns of `match`).',
  status: 'Counts of accounts, contacts, invoices and findings per kind; the last import and sync.',
  connect: 'Connect a workspace (created if missing) to one Xero organisation: sign in at Xero in the browser.',
  sync: 'Bring the Xero contacts, sales invoices and credit notes into the workspace (only changes, after the first time), then recompute the findings.',
  disconnect: "Disconnect a workspace from Xero: revoke Reconciler's access and forget the tokens (the data stays).",
  sandbox: 'Run a stand-in for Xero on 127.0.0.1 (identity, connections, Accounting API) seeded from a folder.',
  exceptions:
    'Import a CocoonOPS Exceptions Manager export (CSV or XLSX) into a workspace (created if missing), or classify one ' +
    'pasted Xero message (--message); prints what to do for each exception.',
  push: 'Send the accepted corrections to Xero: the plan first, asks before writing (or --yes), then batches of up to 50 contacts (safe to stop and run again).',
  undo: 'Undo pushed corrections (by number): asks before writing (or --yes), then writes back what Xero had before, unless the contact changed since.',
  audit: "The audit log (every import, decision, push and undo: before, after, result, Xero's answer) as CSV.",
  checklist:
    'The fixes to make by hand in CocoonOPS (and the Xero web app), grouped by what is to be done, as CSV, XLSX or a printable page.',
  web: 'Serve the review app on 127.0.0.1 (any browser); prints the address to open, token included.',
};
