// Small formatting helpers for the UI: percentages and counts (with the locale's thousands separators). Dates: dates.ts.

export function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}
