import { describe, expect, it } from 'vitest';
import { deskFiles, WRITE_COMMANDS } from './commands';
import dispatcher from '../../../../src/commands/mod.rs?raw';
import table from '../../../../src/commands/table.rs?raw';

// The core's own sources are the truth: a command added to the table, or a flag changed,
// must be mirrored here, or a write would go without its request id.

/** Each entry of the table: its name and flags (`feedback_add [write] FeedbackAddArgs …`). */
function entries(): { name: string; flags: string[] }[] {
  return [...table.matchAll(/^\s*([a-z_]+) \[([a-z, ]+)\] [A-Z]\w*Args \{/gm)].map((m) => ({
    name: m[1],
    flags: m[2].split(',').map((f) => f.trim()),
  }));
}

describe('the command facts', () => {
  it('reads the table (the pattern still finds its entries)', () => {
    const names = entries().map((e) => e.name);
    expect(names.length).toBeGreaterThan(60);
    expect(names).toContain('feedback_add');
    expect(names).toContain('case_get');
  });

  it('lists exactly the commands the table flags `write`', () => {
    const fromTable = entries()
      .filter((e) => e.flags.includes('write'))
      .map((e) => e.name)
      .sort();
    expect([...WRITE_COMMANDS].sort()).toEqual(fromTable);
  });

  it('names the files each command reads or writes as the core’s desk_files does', () => {
    const body = dispatcher.slice(dispatcher.indexOf('pub fn desk_files'));
    const arms = [...body.matchAll(/^\s*((?:"[a-z_]+"(?:\s*\|\s*)?)+)\s*=>\s*&\[([^\]]*)\]/gm)];
    expect(arms.length).toBeGreaterThan(3);
    let seen = 0;
    for (const [, names, files] of arms) {
      const expected = files
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean)
        .map((f) => {
          const m = /^(Reads|Writes)\("([a-z_]+)"\)$/.exec(f);
          if (m) return m[1] === 'Reads' ? { reads: m[2] } : { writes: m[2] };
          expect(f).toBe('PrintFolder');
          return 'print_folder';
        });
      for (const [, name] of names.matchAll(/"([a-z_]+)"/g)) {
        expect(deskFiles(name), name).toEqual(expected);
        seen += 1;
      }
    }
    expect(seen).toBeGreaterThanOrEqual(9);
    expect(deskFiles('feedback_add')).toEqual([]);
  });
});
