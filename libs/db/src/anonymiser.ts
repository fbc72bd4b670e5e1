import { DiscoveryService } from '@nestjs/core';
import type { Database } from './sql.js';

/**
 * What a library tells retention about one of its anonymising methods. It lives here, not in retention, so the
 * library that owns a table declares its anonymiser beside its own SQL without importing retention (which imports
 * the cases, and would close a cycle); `db` is the one library every owner of a table already depends on.
 */
export interface AnonymiserOptions {
  /** The tables whose personal data about a case this method removes (the owner's own tables only). */
  tables: readonly string[];
  /**
   * Tables whose anonymisers must have run first, when this one reads what they change (the trail's scrub
   * checks that the case is anonymised already). Anything not named here runs in no promised order.
   */
  after?: readonly string[];
  /**
   * It removes something the transaction cannot bring back (evidence files in their store): it runs after every
   * other anonymiser, so a statement that fails rolls the run back before anything is lost for good.
   */
  irreversible?: boolean;
}

/**
 * Marks a repository method `(db, caseIds) => Promise<unknown>` that anonymises or deletes its library's rows about
 * those cases, on `db` (the retention mutation's transaction). Retention finds every marked method through Nest's
 * DiscoveryService and runs them all in one transaction, so a library that adds a table adds its anonymiser beside
 * it; test/retention-registry.e2e-spec.ts fails when a table that refers to a case has none.
 */
export const AnonymisesCases = DiscoveryService.createDecorator<AnonymiserOptions>();

/** The shape a marked method has. */
export type CaseAnonymiser = (db: Database, caseIds: string[]) => Promise<unknown>;

/** What anonymising leaves where a required free text about people was, so a reader sees why it is gone. */
export const REMOVED_BY_RETENTION = '[removed at the end of the retention period]';
