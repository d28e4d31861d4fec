// Where `reconciler match` writes its findings as they are made: stdout for "-", else a file that only ever appears
// whole (written beside it under a temporary name and renamed when complete; removed when the run fails).
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { findingsWriter, type FindingsWriter, type ReportFormat } from '../main/findings/report';

/** Runs `produce` with a writer to `out`; the text is complete (and the file in place) when this returns. */
export function writeFindingsTo<T>(out: string, format: ReportFormat, produce: (writer: FindingsWriter) => T): T {
  if (out === '-') return produce(findingsWriter(format, (text) => process.stdout.write(text)));
  const partial = `${out}.${process.pid}.partial`;
  const fd = openSync(partial, 'w');
  try {
    const result = produce(
      findingsWriter(format, (text) => {
        const bytes = Buffer.from(text, 'utf8');
        for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
      }),
    );
    closeSync(fd);
    renameSync(partial, out);
    return result;
  } catch (e) {
    try {
      closeSync(fd);
    } catch {
      // closed already
    }
    rmSync(partial, { force: true });
    throw e;
  }
}
