// A moment as "3 minutes ago", with the exact date and time in the user's format on hover (and for screen readers
// through the <time> element's datetime).
import { ago, formatDateTime } from '../lib/dates';

export function When({ at }: { at: string | null | undefined }) {
  if (!at) return <>never</>;
  return (
    <time dateTime={at} title={formatDateTime(at)}>
      {ago(at)}
    </time>
  );
}
