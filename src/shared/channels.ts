// Every call between the UI and the core, by name ("area.verb"), and every event the core pushes.
// A plain list with no imports: the sandboxed preload bundles this file and nothing from node_modules.
import { EXCEPTIONS_CHANNELS } from './channels-exceptions';
import { EXPORTS_CHANNELS } from './channels-exports';
import { OUTBOX_CHANNELS, OUTBOX_EVENTS } from './channels-outbox';

export const CHANNELS = [
  'app.info',
  'workspace.current',
  'workspace.recent',
  'workspace.open',
  'workspace.openDemo',
  'workspace.close',
  'workspace.status',
  'findings.list',
  'findings.detail',
  'findings.recompute',
  'findings.cancelRecompute',
  'contacts.search',
  'decisions.apply',
  'decisions.undo',
  'decisions.bulkPreview',
  'decisions.bulkApply',
  'decisions.undoBatch',
  'imports.previewCocoon',
  'imports.cocoon',
  'imports.xeroFile',
  'xero.connect',
  'xero.reconnect',
  'xero.sync',
  'xero.cancelSync',
  ...EXCEPTIONS_CHANNELS,
  ...OUTBOX_CHANNELS,
  ...EXPORTS_CHANNELS,
] as const;

export type Channel = (typeof CHANNELS)[number];

export const EVENTS = ['progress', 'workspace.changed', 'menu.command', 'xero.signIn', ...OUTBOX_EVENTS] as const;

export type EventName = (typeof EVENTS)[number];

/** The IPC channel that carries every pushed event ({ name, payload }) from main to the renderer. */
export const EVENT_CHANNEL = 'reconciler:event';

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && (CHANNELS as readonly string[]).includes(name);
}
