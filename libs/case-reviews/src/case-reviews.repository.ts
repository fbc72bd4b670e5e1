import { Injectable } from '@nestjs/common';
import { AnonymisesCases, type Database, exec } from '#libs/db';

/** The only code that names the case_reviews table. */
@Injectable()
export class CaseReviewsRepository {
  // anonymising, for retention

  /** The review and its outcome stay for the figures; the reasons given, which name people, go. */
  @AnonymisesCases({ tables: ['case_reviews'] })
  anonymiseReviews(db: Database, caseIds: string[]): Promise<number> {
    return exec(db, `UPDATE case_reviews SET decision_reason = NULL WHERE case_id = ANY($1)`, [caseIds]);
  }
}
