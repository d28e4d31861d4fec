// Whether two values of a field say the same thing, so the detail pane marks only real differences.
import { normalise } from './normalise';

const digits = (s: string) => s.replace(/\D+/g, '');

export function sameValue(field: string, a: string, b: string): boolean {
  const na = normalise(a);
  const nb = normalise(b);
  if (na === nb) return true;
  if (field === 'phone') {
    const da = digits(a);
    const db = digits(b);
    // One side often carries the area or country code: the same line if the shorter is the longer one's tail.
    const [short, long] = da.length <= db.length ? [da, db] : [db, da];
    return short.length >= 7 && long.endsWith(short);
  }
  if (field === 'address') return na.length > 0 && nb.length > 0 && (na.startsWith(nb) || nb.startsWith(na));
  return false;
}
