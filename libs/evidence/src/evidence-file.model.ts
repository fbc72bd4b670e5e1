import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description: 'A file of evidence on a case (a photo, a PDF, a recording, a diary sheet), kept with its SHA-256',
})
export class EvidenceFile {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  caseId: string;

  @Field(() => ID, { nullable: true, description: 'The incident it is evidence of, when it was given for one' })
  incidentId: string | null;

  @Field({ description: 'The name it was given, made safe to save' })
  fileName: string;

  @Field({ description: 'What the bytes are (read from the file itself, not from what the sender said)' })
  mediaType: string;

  @Field(() => Int)
  byteSize: number;

  @Field({ description: 'SHA-256 of the bytes as received, in hex: a downloaded copy must match it' })
  sha256: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field()
  uploadedAt: Date;

  @Field({ description: 'GET this path with your bearer token to download the file (recorded in the audit trail)' })
  downloadPath: string;

  uploadedById: string;
  uploadedByAgencyId: string;
  storageKey: string;
}

export interface EvidenceRow {
  id: string;
  case_id: string;
  incident_id: string | null;
  file_name: string;
  media_type: string;
  byte_size: string;
  sha256: string;
  storage_key: string;
  description: string | null;
  uploaded_by_id: string;
  uploaded_by_agency_id: string;
  uploaded_at: Date;
}

export const toEvidenceFile = (row: EvidenceRow): EvidenceFile => ({
  id: row.id,
  caseId: row.case_id,
  incidentId: row.incident_id,
  fileName: row.file_name,
  mediaType: row.media_type,
  // bigint arrives as text; the configured limit keeps it within Int.
  byteSize: Number(row.byte_size),
  sha256: row.sha256,
  description: row.description,
  uploadedAt: row.uploaded_at,
  downloadPath: `/evidence/${row.id}`,
  uploadedById: row.uploaded_by_id,
  uploadedByAgencyId: row.uploaded_by_agency_id,
  storageKey: row.storage_key,
});

@ObjectType({
  description: 'A kind of file the portal keeps as evidence (the type is read from the bytes, not from the name)',
})
export class EvidenceType {
  @Field({ description: 'The media type a file of this kind is recorded and served as' })
  mediaType: string;

  @Field({ description: 'In words: "JPEG photo", "Word document"' })
  name: string;

  @Field(() => [String], { description: 'The extensions it goes by, the usual one first' })
  extensions: string[];
}
