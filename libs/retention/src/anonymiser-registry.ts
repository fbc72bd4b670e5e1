import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { type AnonymiserOptions, AnonymisesCases, type CaseAnonymiser, type Database } from '#libs/db';

/** One library's anonymising method, found by discovery. */
export interface RegisteredAnonymiser {
  /** `Class.method`, for messages and tests. */
  name: string;
  tables: readonly string[];
  after: readonly string[];
  irreversible: boolean;
  run: CaseAnonymiser;
}

/**
 * Every `@AnonymisesCases` method of every provider in the application, in the order their `after` asks for,
 * the irreversible ones last (otherwise by their first table's name, so the order is the same on every start). Collected once at start:
 * a table claimed twice, an `after` naming a table nobody anonymises, or a loop fails the start, not a run.
 */
@Injectable()
export class AnonymiserRegistry implements OnModuleInit {
  private ordered: RegisteredAnonymiser[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onModuleInit(): void {
    this.ordered = inOrder(this.discover());
  }

  /** In the order they run. */
  all(): readonly RegisteredAnonymiser[] {
    return this.ordered;
  }

  /** Every table some anonymiser covers. */
  tables(): string[] {
    return this.ordered.flatMap((entry) => entry.tables).sort();
  }

  /** Asks every anonymiser in turn, on `db` (the caller's transaction), about these cases. */
  async anonymise(db: Database, caseIds: string[]): Promise<void> {
    for (const entry of this.ordered) await entry.run(db, caseIds);
  }

  private discover(): RegisteredAnonymiser[] {
    const found: RegisteredAnonymiser[] = [];
    // A provider exported by one module and imported by many is one wrapper, but a class listed in two modules'
    // providers is two: each method is asked once.
    const seen = new Set<unknown>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.metatype) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const options: AnonymiserOptions | undefined = this.discovery.getMetadataByDecorator(
          AnonymisesCases,
          wrapper,
          method,
        );
        if (!options) continue;
        const fn = instance[method] as CaseAnonymiser;
        if (seen.has(fn)) continue;
        seen.add(fn);
        if (!wrapper.isDependencyTreeStatic())
          throw new Error(`${prototype.constructor.name}.${method} anonymises cases but is not a singleton provider`);
        found.push({
          name: `${prototype.constructor.name}.${method}`,
          tables: options.tables,
          after: options.after ?? [],
          irreversible: options.irreversible === true,
          run: fn.bind(instance),
        });
      }
    }
    return found;
  }
}

/** Orders anonymisers so each runs after those of the tables it names in `after`, and the irreversible ones last. */
export function inOrder(entries: readonly RegisteredAnonymiser[]): RegisteredAnonymiser[] {
  const owner = new Map<string, RegisteredAnonymiser>();
  for (const entry of entries) {
    for (const table of entry.tables) {
      const other = owner.get(table);
      if (other) throw new Error(`${table} is anonymised by both ${other.name} and ${entry.name}`);
      owner.set(table, entry);
    }
  }
  for (const entry of entries) {
    for (const table of entry.after) {
      if (!owner.has(table)) throw new Error(`${entry.name} runs after ${table}, which no anonymiser covers`);
      if (owner.get(table)!.irreversible && !entry.irreversible)
        throw new Error(`${entry.name} cannot run after ${table}: irreversible anonymisers run last`);
    }
  }
  const waiting = [...entries].sort(
    (a, b) => Number(a.irreversible) - Number(b.irreversible) || (a.tables[0] ?? '').localeCompare(b.tables[0] ?? ''),
  );
  const done: RegisteredAnonymiser[] = [];
  while (waiting.length > 0) {
    const next = waiting.findIndex((entry) => entry.after.every((table) => done.includes(owner.get(table)!)));
    if (next < 0)
      throw new Error(`The anonymisers wait on each other: ${waiting.map((entry) => entry.name).join(', ')}`);
    done.push(...waiting.splice(next, 1));
  }
  return done;
}
