import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * Issue 15: a library is used only through its `index` (`#libs/<name>`), and the libraries form no cycle, so
 * each can be read, tested and moved without dragging its neighbours along. Read from the source text, no build.
 */
const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const libsDir = join(root, 'libs');

/**
 * Cycles we know of and have not cut yet, each as the path the search reports (sorted so the list is stable).
 * Empty is the aim: a new entry needs a reason and an issue.
 */
const knownCycles: string[] = [];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every module specifier the file names: `import … from`, `export … from`, bare `import '…'` and `import('…')`. */
function specifiersOf(text: string): string[] {
  const found: string[] = [];
  const pattern =
    /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (const match of text.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(pattern)) {
    found.push(match[1] ?? match[2] ?? match[3]);
  }
  return found;
}

interface Edge {
  from: string;
  to: string;
  file: string;
}

function readLibraries() {
  const libraries = readdirSync(libsDir).filter((name) => statSync(join(libsDir, name, 'src')).isDirectory());
  const edges: Edge[] = [];
  const violations: string[] = [];
  for (const lib of libraries) {
    const own = join(libsDir, lib, 'src');
    for (const file of sourceFiles(own)) {
      const shown = relative(root, file);
      for (const spec of specifiersOf(readFileSync(file, 'utf8'))) {
        if (spec.startsWith('#libs/')) {
          const rest = spec.slice('#libs/'.length);
          if (rest.includes('/'))
            violations.push(
              `${shown} reaches inside another library: '${spec}' (import '#libs/${rest.split('/')[0]}')`,
            );
          const target = rest.split('/')[0];
          if (target === lib)
            violations.push(`${shown} imports its own library by its public name '${spec}' (use a relative path)`);
          else if (!libraries.includes(target)) violations.push(`${shown} imports '${spec}', which is no library`);
          else edges.push({ from: lib, to: target, file: shown });
        } else if (spec.startsWith('.')) {
          const target = resolve(dirname(file), spec);
          if (target !== own && !target.startsWith(own + sep)) {
            violations.push(`${shown} reaches outside its library by a relative path: '${spec}'`);
          }
        }
      }
    }
  }
  return { libraries, edges, violations };
}

/** Every elementary cycle's first appearance in a depth-first walk, as `a -> b -> a` with the files that make each step. */
function cyclesOf(libraries: string[], edges: Edge[]): string[] {
  const next = new Map<string, Map<string, string>>();
  for (const edge of edges) {
    const out = next.get(edge.from) ?? new Map<string, string>();
    if (!out.has(edge.to)) out.set(edge.to, edge.file);
    next.set(edge.from, out);
  }
  const cycles = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (lib: string) => {
    state.set(lib, 'open');
    path.push(lib);
    for (const [to] of next.get(lib) ?? []) {
      if (state.get(to) === 'open') {
        const loop = [...path.slice(path.indexOf(to)), to];
        const steps = loop
          .slice(0, -1)
          .map((from, i) => `${from} -> ${loop[i + 1]} (${next.get(from)!.get(loop[i + 1])})`);
        cycles.add(steps.join(', '));
      } else if (!state.has(to)) {
        visit(to);
      }
    }
    path.pop();
    state.set(lib, 'done');
  };
  for (const lib of [...libraries].sort()) if (!state.has(lib)) visit(lib);
  return [...cycles].sort();
}

describe('library boundaries', () => {
  const { libraries, edges, violations } = readLibraries();

  it('finds the libraries and their imports (the check reads something)', () => {
    expect(libraries).toEqual(expect.arrayContaining(['access', 'common', 'db', 'cases']));
    expect(edges.some((e) => e.from === 'cases' && e.to === 'access')).toBe(true);
  });

  it('imports another library only through its index, `#libs/<name>`', () => {
    expect(violations).toEqual([]);
  });

  it('has no import cycle between libraries', () => {
    expect(cyclesOf(libraries, edges)).toEqual(knownCycles);
  });
});
