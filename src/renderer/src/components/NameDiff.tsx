// One side of a two-name comparison, with the characters that differ from the other side marked. A mark of blanks
// only (an extra space) is widened and says what it is ("two spaces"): the cell keeps runs of spaces (.keep-spaces).
import type { Segment } from '../lib/name-diff';
import { describeBlanks } from '../../../shared/unseen-difference';

export function NameDiff({ segments, fallback }: { segments: Segment[]; fallback?: string }) {
  if (segments.length === 0) return <span className="muted">{fallback ?? '—'}</span>;
  return (
    <>
      {segments.map((s, i) =>
        s.same ? (
          <span key={i}>{s.text}</span>
        ) : /^\s+$/.test(s.text) ? (
          <mark key={i} className="diff diff-blank" title={`${describeBlanks(s.text)} more`}>
            {s.text}
          </mark>
        ) : (
          <mark key={i} className="diff">
            {s.text}
          </mark>
        ),
      )}
    </>
  );
}
