import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';

/** Issue 15: nest-cli.json lists every library, so Nest's tooling sees the monorepo as it is. */
describe('nest-cli.json', () => {
  it('lists every library under libs/ with its root and source root', () => {
    const projects = JSON.parse(readFileSync('nest-cli.json', 'utf8')).projects as Record<
      string,
      { type: string; root: string; sourceRoot: string }
    >;
    for (const name of readdirSync('libs')) {
      expect(projects[name]).toEqual({ type: 'library', root: `libs/${name}`, sourceRoot: `libs/${name}/src` });
    }
  });
});
