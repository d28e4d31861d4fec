// The names of the workspace's sync_state entries that more than one feature reads (the table is a key → text store).

/** When the last push that wrote something ran: { startedAt, finishedAt } (written by outbox/push, read by review/last-push). */
export const LAST_PUSH_KEY = 'outbox.last_push';
/** Set when contacts were read back after a push and the findings are still to be recomputed (cleared by findings/recompute). */
export const RECOMPUTE_PENDING_KEY = 'outbox.recompute_pending';
