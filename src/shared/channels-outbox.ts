// The outbox's calls and events by name, for channels.ts to include (a plain list: the preload bundles it).

export const OUTBOX_CHANNELS = [
  'outbox.plan',
  'outbox.push',
  'outbox.cancel',
  'outbox.list',
  'outbox.undo',
  'outbox.retry',
  'checklist.get',
  'checklist.tick',
  'checklist.export',
  'checklist.pdf',
  'audit.list',
  'audit.export',
] as const;

export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];

export const OUTBOX_EVENTS = ['outbox.progress'] as const;

export type OutboxEventName = (typeof OUTBOX_EVENTS)[number];
