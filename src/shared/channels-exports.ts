// The exports' calls by name, for channels.ts to include (a plain list: the preload bundles it).

export const EXPORTS_CHANNELS = ['exports.save'] as const;

export type ExportsChannel = (typeof EXPORTS_CHANNELS)[number];
