import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { ABOUT, USAGE } from './command-help';
import { buildProgram, GROUPS } from './program';

describe('the program', () => {
  it('names in each group exactly the commands that group defines', async () => {
    for (const group of GROUPS) {
      const program = new Command();
      (await group.load())(program);
      expect(program.commands.map((c) => c.name()).sort()).toEqual([...group.names].sort());
      // the overview lists each with the usage and description the command itself has
      for (const c of program.commands) {
        const name = c.name() as keyof typeof USAGE;
        const args = c.registeredArguments.map((a) =>
          a.required ? `<${a.name()}${a.variadic ? '...' : ''}>` : `[${a.name()}${a.variadic ? '...' : ''}]`,
        );
        expect([name, ...args].join(' ')).toBe(USAGE[name]);
        expect(c.description()).toBe(ABOUT[name]);
      }
    }
  });

  it('loads one group for a command it names, and every group otherwise', async () => {
    expect((await buildProgram(['match'])).commands.map((c) => c.name())).toEqual(['match']);
    expect((await buildProgram(['help', 'push'])).commands.map((c) => c.name()).sort()).toEqual(['audit', 'checklist', 'push', 'undo']);
    const all = (await buildProgram([])).commands.map((c) => c.name());
    expect(all.sort()).toEqual(GROUPS.flatMap((g) => g.names).sort());
    expect((await buildProgram(['--help'])).commands.map((c) => c.name()).sort()).toEqual(all);
    // the overview's commands are only names: none of them has an action or an option
    expect((await buildProgram(['--help'])).commands.every((c) => c.options.length === 0)).toBe(true);
  });
});
