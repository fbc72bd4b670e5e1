import type { EvidenceFile } from './evidence-file.model.js';

/** The file as the audit trail keeps it: enough to name it after it is removed. */
export const trailOf = (file: EvidenceFile) => ({
  id: file.id,
  fileName: file.fileName,
  mediaType: file.mediaType,
  byteSize: file.byteSize,
  sha256: file.sha256,
});

/** Why a file is removed, as the trail keeps it: 3 to 2,000 characters once trimmed; null when it is not one. */
export function removalReason(reason: string): string | null {
  const why = reason.trim();
  return why.length < 3 || why.length > 2000 ? null : why;
}
