import { createHash } from 'node:crypto';

/** How long a reporter's link can be answered. */
export const SURVEY_LINK_DAYS = 28;

/** What is kept of a link's token: its hash, so the table alone cannot answer a survey. */
export function surveyTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A comment as kept: trimmed, and none rather than an empty one. */
export function surveyComment(comment: string | null | undefined): string | null {
  return comment?.trim() || null;
}
