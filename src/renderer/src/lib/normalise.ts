// Text as the search compares it: lower case, no accents, letters and digits separated by single spaces.

const NON_ASCII = /[^\x20-\x7e]/;

export function normalise(text: string): string {
  // Most names are plain ASCII: skip the (slow) Unicode decomposition for them.
  if (!NON_ASCII.test(text))
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
