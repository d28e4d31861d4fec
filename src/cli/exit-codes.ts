// Exit codes of `reconciler` (documented in the README and in --help).
export const EXIT = {
  ok: 0,
  /** Something unexpected: a bug. The message says so. */
  unexpected: 1,
  /** Wrong command-line usage (unknown option, missing argument). */
  usage: 2,
  /** An input file was refused (nothing was imported). */
  badInput: 3,
  /** The workspace could not be opened (not a workspace, newer version, missing). */
  workspace: 4,
  /** Xero or the network failed (sync, connect, push). */
  xero: 5,
  /** `push` or `undo` not confirmed (answered no, or no terminal to ask and no --yes: nothing was written), or a full
   *  `sync` that would remove most of the stored contacts, without --allow-shrink (nothing was removed). */
  notConfirmed: 6,
  /** Xero's day budget for the organisation: a sync or push that it cannot finish was not started, or one was
   *  stopped when Xero said the day's calls were used up (kept for the next run). The message says when to run. */
  budget: 7,
  /** `match --check` / `findings --check`: some accounts will fail on the next sync. */
  willFail: 10,
  /** `findings --check`: the Xero side may be incomplete (the last sync failed or has not finished), so no verdict. */
  staleXero: 11,
  /** Stopped with Ctrl-C (a sync keeps every page it saved and continues next time). */
  cancelled: 130,
} as const;

export const EXIT_CODES_HELP = `
Exit codes:
  0   success
  1   unexpected error (a bug: please report it with the message)
  2   wrong usage (unknown option, missing argument)
  3   an input file was refused; nothing was imported (the message lists what to fix, by row)
  4   the workspace could not be opened (not a workspace, written by a newer version, missing)
  5   Xero or the network failed
  6   not confirmed: push or undo answered no, or no terminal to ask and no --yes (nothing was written);
      or a full sync would remove most contacts and --allow-shrink was not given (nothing was removed)
  7   Xero's daily call budget for the organisation: not started (too few calls left today) or stopped
      (used up; what was read or written is kept); the message says when Xero's day resets
  10  with --check: some billing accounts will fail on the next sync
  11  with findings --check: the Xero data may be incomplete (the last sync failed or has not finished)
  130 cancelled with Ctrl-C (a sync continues where it stopped next time)`;
