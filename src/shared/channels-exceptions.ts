// The Exceptions screen's calls by name, for channels.ts to include (a plain list: the preload bundles it).

export const EXCEPTIONS_CHANNELS = [
  'exceptions.list',
  'exceptions.detail',
  'exceptions.previewImport',
  'exceptions.import',
  'exceptions.paste',
  'exceptions.setResolved',
  'exceptions.recheck',
  'exceptions.checklist',
] as const;

export type ExceptionsChannel = (typeof EXCEPTIONS_CHANNELS)[number];
