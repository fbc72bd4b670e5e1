import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * An input object argument is checked by its class's validators only when TypeScript records that class as the
 * parameter's type. Written `filter?: AlertInboxFilter | null`, the recorded type is `Object`, and Nest's
 * ValidationPipe lets anything through unchecked (the alert inbox's filter was, until this test). Read from the
 * source text: every argument whose GraphQL type is one of our `@InputType` classes must be declared as that class
 * alone (`filter?: AlertInboxFilter`).
 */
const root = resolve(dirname(new URL(import.meta.url).pathname), '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('input object arguments', () => {
  const files = sourceFiles(join(root, 'libs')).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
  const inputClasses = new Set(
    files.flatMap(({ text }) => [...text.matchAll(/@InputType\([^)]*\)\s*export class (\w+)/g)].map((m) => m[1])),
  );

  it('finds the input classes it checks against', () => {
    expect(inputClasses.has('AlertInboxFilter')).toBe(true);
    expect(inputClasses.has('CreateCaseInput')).toBe(true);
  });

  it('are declared as their input class alone, so the class is validated', () => {
    const problems = files.flatMap(({ path, text }) =>
      [...text.matchAll(/@Args\(\s*'(\w+)',\s*\{[^}]*type: \(\) => (\w+)[^}]*\}\s*\)\s*(\w+)\??:\s*([^,)]+)/g)]
        .filter(([, , type]) => inputClasses.has(type))
        .filter(([, , type, , declared]) => declared.trim() !== type)
        .map(([, name, type, , declared]) => `${relative(root, path)}: ${name} is ${declared.trim()}, not ${type}`),
    );
    expect(problems).toEqual([]);
  });
});
