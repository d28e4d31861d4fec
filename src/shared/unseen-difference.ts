// A change a reader cannot see on screen: "Columbia  Explorers" → "Columbia Explorers" renders as the same text in
// HTML (runs of spaces collapse) and nearly so on paper. Says so when only the spacing differs. Pure.

const squeeze = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** '(only the spacing differs)' when two different texts differ only in spaces, tabs or line breaks; else ''. */
export const unseenDifference = (from: string, to: string): string =>
  from !== to && squeeze(from) === squeeze(to) ? '(only the spacing differs)' : '';
