import { describe, expect, it } from '@jest/globals';
import { inOrder, type RegisteredAnonymiser } from './anonymiser-registry.js';

const entry = (name: string, tables: string[], after: string[] = [], irreversible = false): RegisteredAnonymiser => ({
  name,
  tables,
  after,
  irreversible,
  run: () => Promise.resolve(undefined),
});

describe('the order anonymisers run in', () => {
  it('puts each after the tables it names, the irreversible last, and the rest by table name', () => {
    const order = inOrder([
      entry('Evidence', ['evidence_files'], [], true),
      entry('Audit', ['audit_events'], ['cases']),
      entry('Cases', ['cases']),
      entry('Parties', ['parties']),
      entry('Alerts', ['alerts']),
    ]).map((e) => e.name);
    expect(order).toEqual(['Alerts', 'Cases', 'Audit', 'Parties', 'Evidence']);
  });

  it('refuses to start on a table claimed twice, an unknown table to wait on, a loop, or waiting on an irreversible one', () => {
    expect(() => inOrder([entry('A', ['cases']), entry('B', ['cases'])])).toThrow(
      'cases is anonymised by both A and B',
    );
    expect(() => inOrder([entry('A', ['cases'], ['nowhere'])])).toThrow(
      'A runs after nowhere, which no anonymiser covers',
    );
    expect(() => inOrder([entry('A', ['a'], ['b']), entry('B', ['b'], ['a'])])).toThrow(
      'The anonymisers wait on each other: A, B',
    );
    expect(() => inOrder([entry('A', ['a'], ['files']), entry('Files', ['files'], [], true)])).toThrow(
      'irreversible anonymisers run last',
    );
  });
});
