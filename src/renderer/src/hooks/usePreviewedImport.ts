// An import dialog's steps: choose a file, preview it (again after each column-mapping or encoding change), store
// it. Busy while the API works; a failure keeps its message and its problems by row. No preview function: store only.
import { useState } from 'react';
import { ApiError } from '../../../shared/api-client';
import type { ImportComparison, Problem } from '../../../shared/contract';
import type { ChosenEncoding } from '../../../shared/domain';
import { errorMessage, readAsBase64 } from '../lib/file-content';

interface ChosenFile {
  fileName: string;
  content: string;
}

/** What the column-mapping preview shows: the file's header, the first rows as mapped, every problem. */
interface ImportPreview {
  header: string[];
  rows: Record<string, string | number>[];
  totalRows: number;
  /** Header text per field, null when the file has no such column. */
  mapping: Partial<Record<string, string | null>>;
  problems: Problem[];
  encoding: string | null;
  format: string | null;
  /** What it would change against the open workspace (CocoonOPS exports only). */
  comparison?: ImportComparison | null;
}

/**
 * With the user's column choices per field (null = not in the file; the others are detected) and the encoding
 * the user chose (detected when absent; a CSV mixing UTF-8 with other bytes is refused until one is chosen).
 */
type Input<F extends string> = ChosenFile & { mapping: Partial<Record<F, string | null>>; encoding?: ChosenEncoding };

export function usePreviewedImport<F extends string>(previewOf: ((input: Input<F>) => Promise<ImportPreview>) | null) {
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [mapping, setMapping] = useState<Input<F>['mapping']>({});
  const [encoding, setEncoding] = useState<ChosenEncoding | undefined>(undefined);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; problems: Problem[] } | null>(null);

  const attempt = async (task: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await task();
    } catch (e) {
      setError({ message: errorMessage(e), problems: e instanceof ApiError ? e.problems : [] });
    } finally {
      setBusy(false);
    }
  };
  const show = (f: ChosenFile, m: Input<F>['mapping'], enc: ChosenEncoding | undefined) => {
    setMapping(m);
    setEncoding(enc);
    return attempt(async () => setPreview(previewOf && (await previewOf({ ...f, mapping: m, encoding: enc }))));
  };

  return {
    file,
    preview,
    /** The encoding the user chose; undefined = detect. */
    encoding,
    busy,
    error,
    /** The failure's problems, else the preview's. */
    problems: error?.problems.length ? error.problems : (preview?.problems ?? []),
    /** Nothing to store yet, or (with a preview) errors to fix first. */
    blocked: !file || busy || (previewOf !== null && (!preview || preview.problems.some((p) => p.severity === 'error'))),
    choose: async (files: FileList | null) => {
      const chosen = files?.[0];
      if (!chosen) return;
      const loaded = { fileName: chosen.name, content: await readAsBase64(chosen) };
      setFile(loaded);
      setPreview(null);
      setEncoding(undefined);
      if (previewOf) await show(loaded, {}, undefined);
    },
    map: (field: F, header: string | null) => {
      if (file) void show(file, { ...mapping, [field]: header }, encoding);
    },
    chooseEncoding: (enc: ChosenEncoding | undefined) => {
      if (file) void show(file, mapping, enc);
    },
    store: (save: (input: Input<F>) => Promise<unknown>) => file && attempt(() => save({ ...file, mapping, encoding })),
    reset: () => {
      setFile(null);
      setPreview(null);
      setError(null);
      setEncoding(undefined);
    },
  };
}

export type PreviewedImport<F extends string> = ReturnType<typeof usePreviewedImport<F>>;
