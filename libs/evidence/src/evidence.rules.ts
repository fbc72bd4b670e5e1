import type { EvidenceFile } from './evidence-file.model.js';

/** The file as the audit trail keeps it: enough to name it after it is removed. */
export const trailOf = (file: EvidenceFile) => ({
  id: file.id,
  fileName: file.fileName,
  mediaType: file.mediaType,
  byteSize: file.byteSize,
  sha256: file.sha256,
});
