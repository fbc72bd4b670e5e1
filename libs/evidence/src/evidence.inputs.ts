import { BadInputError, parseId } from '#libs/common';

/**
 * What an upload names besides its bytes: query parameters of the upload route (POST /evidence/cases/:caseId),
 * so they arrive untyped and are checked here, field by field, as class-validator checks a GraphQL input.
 */
export interface EvidenceUpload {
  caseId: string;
  incidentId?: unknown;
  description?: unknown;
}

/** `?incidentId=`: an id, or none. */
export function uploadIncidentId(value: unknown): string | null {
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string') throw new BadInputError('incidentId', 'incidentId is not a valid id');
  return parseId(value, 'incidentId');
}

/** `?description=`: up to 2,000 characters; blank is none. */
export function uploadDescription(value: unknown): string | null {
  if (value === undefined) return null;
  if (typeof value !== 'string' || value.length > 2000)
    throw new BadInputError('description', 'description is up to 2,000 characters');
  return value.trim() || null;
}
