// One side of a two-name comparison, with the characters that differ from the other side marked.
import type { Segment } from '../lib/name-diff';

export function NameDiff({ segments, fallback }: { segments: Segment[]; fallback?: string }) {
  if (segments.length === 0) return <span className="muted">{fallback ?? '—'}</span>;
  return (
    <>
      {segments.map((s, i) =>
        s.same ? (
          <span key={i}>{s.text}</span>
        ) : (
          <mark key={i} className="diff">
            {s.text}
          </mark>
        ),
      )}
    </>
  );
}
