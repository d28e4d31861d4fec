// What the Checklist screen lists: the groups chosen, the lines to do / done / all, those matching the text (an
// account's code or name, an invoice number, the words of the line), as one flat list of rows for the virtualised
// list (a heading row per group, then its lines). Pure.
import type { Checklist, ChecklistGroup, ChecklistLine, ChecklistTask } from '../../../shared/contract-outbox';

export type ChecklistShow = 'todo' | 'done' | 'all';

export interface ChecklistFilter {
  task: ChecklistTask | 'all';
  show: ChecklistShow;
  text: string;
}

export type ChecklistRow =
  { type: 'group'; group: ChecklistGroup; shown: number } | { type: 'line'; task: ChecklistTask; line: ChecklistLine };

// Lines are replaced (not changed) when ticked, so a line's text is lowered once however often the filter runs.
const haystacks = new WeakMap<ChecklistLine, string>();
function haystack(line: ChecklistLine): string {
  let h = haystacks.get(line);
  if (h === undefined)
    haystacks.set(
      line,
      (h = [line.accountCode, line.accountName, line.documents.join(' '), line.text, ...line.steps].join('\n').toLowerCase()),
    );
  return h;
}

export function checklistRows(list: Checklist, filter: ChecklistFilter): ChecklistRow[] {
  const words = filter.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const rows: ChecklistRow[] = [];
  for (const group of list.groups) {
    if (filter.task !== 'all' && group.task !== filter.task) continue;
    const at = rows.length;
    rows.push({ type: 'group', group, shown: 0 });
    for (const line of group.lines) {
      if (filter.show === 'todo' ? line.ticked : filter.show === 'done' ? !line.ticked : false) continue;
      if (words.length > 0) {
        const h = haystack(line);
        if (!words.every((w) => h.includes(w))) continue;
      }
      rows.push({ type: 'line', task: group.task, line });
    }
    const shown = rows.length - at - 1;
    if (shown === 0) rows.pop();
    else rows[at] = { type: 'group', group, shown };
  }
  return rows;
}

/** The list with one line's tick changed: only its group is copied (the other groups and lines stay the same objects). */
export function withTick(list: Checklist, key: string, ticked: boolean, tickedAt: string | null): Checklist {
  let delta = 0;
  const groups = list.groups.map((g) => {
    const i = g.lines.findIndex((l) => l.key === key);
    if (i < 0) return g;
    const line = g.lines[i]!;
    if (line.ticked === ticked && line.tickedAt === tickedAt) return g;
    const step = line.ticked === ticked ? 0 : ticked ? 1 : -1;
    delta += step;
    const lines = [...g.lines];
    lines[i] = { ...line, ticked, tickedAt };
    return { ...g, lines, ticked: g.ticked + step };
  });
  return delta === 0 && groups.every((g, i) => g === list.groups[i]) ? list : { ...list, groups, ticked: list.ticked + delta };
}
