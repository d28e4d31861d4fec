import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, GROUPS } from './program';

describe('the program', () => {
  it('names in each group exactly the commands that group defines', async () => {
    for (const group of GROUPS) {
      const program = new Command();
      (await group.load())(program);
      expect(program.commands.map((c) => c.name()).sort()).toEqual([...group.names].sort());
    }
  });

  it('loads one group for a command it names, and every group otherwise', async () => {
    expect((await buildProgram('match')).commands.map((c) => c.name())).toEqual(['match']);
    const all = (await buildProgram(undefined)).commands.map((c) => c.name());
    expect(all.sort()).toEqual(GROUPS.flatMap((g) => g.names).sort());
    expect((await buildProgram('--help')).commands.length).toBe(all.length);
  });
});
