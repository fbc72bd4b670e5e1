import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { subject } from '@casl/ability';
import DataLoader from 'dataloader';
import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import { assertWritable } from '#libs/access';
import { AnonymisesCases, type Database, scopeTransaction } from '#libs/db';
import { loaderFor, noteView, type RequestContext } from '#libs/context';
import { AlertKind, AlertOutbox } from '#libs/alerts';
import { AuditAction, AuditLog } from '#libs/audit';
import { type Case, caseAttributes, CasesService } from '#libs/cases';
import { BadInputError, ForbiddenError, groupBy, isId, NotFoundError, parseId, statedReason } from '#libs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { type Incident, IncidentsRepository } from '#libs/incidents';
import { type EvidenceFile, type EvidenceRow, toEvidenceFile } from './evidence-file.model.js';
import { type EvidenceUpload, uploadDescription, uploadIncidentId } from './evidence.inputs.js';
import { EvidenceRepository } from './evidence.repository.js';
import { trailOf } from './evidence.rules.js';
import { evidenceMediaType, EXTENSIONS } from './evidence-kinds.js';
import { EVIDENCE_STORE, type EvidenceStore } from './evidence-store.js';
import { sanitiseFileName } from './file-name.js';
import { type IncomingFile, receiveFile } from './incoming-file.js';

/**
 * A part file not written to for this long belongs to no upload in progress (an upload writes as its bytes
 * arrive, and Node ends any request after five minutes): it was left by a server that was killed mid-upload,
 * perhaps another instance on the same DATA_DIR.
 */
const STALE_INCOMING_MS = 15 * 60 * 1000;
/** Swept at start and this often, so a killed server's bytes do not wait for the next start. */
const SWEEP_INCOMING_MS = 15 * 60 * 1000;

/**
 * Evidence files follow the case: whoever may write the case's `evidence` field adds them, whoever may read
 * it lists and downloads them, and only the owner agency removes them. Bytes are checked whole (size, type,
 * SHA-256) before they reach the store, and the row, its audit event and its alert are one transaction.
 */
@Injectable()
export class EvidenceService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Evidence');
  private readonly incomingDir: string;

  constructor(
    private readonly cases: CasesService,
    private readonly audit: AuditLog,
    private readonly alerts: AlertOutbox,
    @Inject(EVIDENCE_STORE) private readonly store: EvidenceStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: EvidenceRepository,
    private readonly incidents: IncidentsRepository,
  ) {
    // Beside the disk store's files (one file system, so keeping a file is a rename); S3 uploads wait here too.
    this.incomingDir = join(config.dataDir, 'evidence', 'incoming');
  }

  private sweeper?: NodeJS.Timeout;

  async onModuleInit(): Promise<void> {
    await this.sweepIncoming();
    this.sweeper = setInterval(
      () =>
        void this.sweepIncoming().catch((e: unknown) =>
          this.logger.warn(`Could not sweep ${this.incomingDir}: ${String(e)}`),
        ),
      SWEEP_INCOMING_MS,
    );
    this.sweeper.unref();
  }

  /** Removes the part files no upload is writing any more (STALE_INCOMING_MS). */
  async sweepIncoming(): Promise<void> {
    const names = await readdir(this.incomingDir).catch(() => [] as string[]);
    for (const name of names) {
      const path = join(this.incomingDir, name);
      const info = await stat(path).catch(() => null);
      if (info && Date.now() - info.mtimeMs > STALE_INCOMING_MS) await rm(path, { force: true });
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
    (this.store as { close?: () => void }).close?.();
  }

  /**
   * Receives one file for a case, or for one of its incidents. The caller's right to add evidence is checked
   * before a byte is read and again in the transaction that records it; a refused, oversized or unaccepted
   * file leaves nothing behind, in the store or the database.
   */
  async add(ctx: RequestContext, upload: EvidenceUpload, body: Request): Promise<EvidenceFile> {
    const description = uploadDescription(upload.description);
    const incidentId = uploadIncidentId(upload.incidentId);
    await this.writableCase(ctx, upload.caseId, incidentId);

    const incoming = await receiveFile(body, this.incomingDir, this.config.evidence.maxBytes);
    const key = randomBytes(16).toString('hex');
    let kept = false;
    try {
      const mediaType = await evidenceMediaType(incoming.path, {
        fileName: incoming.givenName,
        declaredType: incoming.declaredType,
        plainText: incoming.plainText,
      });
      const fileName = sanitiseFileName(incoming.givenName, EXTENSIONS[mediaType] ?? ['bin']);
      await this.store.keep(key, incoming.path, { byteSize: incoming.byteSize, mediaType });
      kept = true;
      return await this.dataSource.transaction(async (db) => {
        await scopeTransaction(db, ctx.user?.agencyId ?? null);
        return this.record({ ...ctx, db }, upload.caseId, incidentId, {
          incoming,
          key,
          mediaType,
          fileName,
          description,
        });
      });
    } catch (error) {
      if (kept)
        await this.store
          .remove(key)
          .catch((e: unknown) => this.logger.error(`Could not remove refused evidence ${key}: ${String(e)}`));
      throw error;
    } finally {
      await rm(incoming.path, { force: true });
    }
  }

  /**
   * A file the portal made itself for a case (a letter), kept exactly as an upload is: the caller's right to add
   * evidence checked again in the transaction that records it, the bytes in the store before the row and taken
   * out again if that transaction fails. `alongside` runs in the same transaction, for what else the file is
   * recorded as (an action, a contact); its failure leaves neither the row nor the bytes.
   */
  async addMade<T>(
    ctx: RequestContext,
    caseId: string,
    made: { bytes: Buffer; fileName: string; description: string },
    alongside: (tx: RequestContext, file: EvidenceFile) => Promise<T>,
  ): Promise<{ file: EvidenceFile; result: T }> {
    await mkdir(this.incomingDir, { recursive: true, mode: 0o700 });
    const path = join(this.incomingDir, `${randomBytes(16).toString('hex')}.part`);
    const key = randomBytes(16).toString('hex');
    let kept = false;
    try {
      await writeFile(path, made.bytes, { flag: 'wx', mode: 0o600 });
      const incoming: IncomingFile = {
        path,
        givenName: made.fileName,
        declaredType: '',
        byteSize: made.bytes.length,
        sha256: createHash('sha256').update(made.bytes).digest('hex'),
        plainText: false,
      };
      // What the bytes are is read from them, as for any upload: a made file gets no exemption.
      const mediaType = await evidenceMediaType(path, { fileName: made.fileName, declaredType: '', plainText: false });
      const fileName = sanitiseFileName(made.fileName, EXTENSIONS[mediaType] ?? ['bin']);
      await this.store.keep(key, path, { byteSize: incoming.byteSize, mediaType });
      kept = true;
      return await this.dataSource.transaction(async (db) => {
        await scopeTransaction(db, ctx.user?.agencyId ?? null);
        const tx = { ...ctx, db };
        const file = await this.record(tx, caseId, null, {
          incoming,
          key,
          mediaType,
          fileName,
          description: uploadDescription(made.description),
        });
        return { file, result: await alongside(tx, file) };
      });
    } catch (error) {
      if (kept)
        await this.store
          .remove(key)
          .catch((e: unknown) => this.logger.error(`Could not remove refused evidence ${key}: ${String(e)}`));
      throw error;
    } finally {
      await rm(path, { force: true });
    }
  }

  /** The case, if the caller may add evidence to it (NOT_FOUND when unseen, FORBIDDEN when seen but not theirs to add to). */
  requireWritable(ctx: RequestContext, caseId: string): Promise<Case> {
    return this.writableCase(ctx, caseId, null);
  }

  private async record(
    ctx: RequestContext,
    caseId: string,
    incidentId: string | null,
    file: { incoming: IncomingFile; key: string; mediaType: string; fileName: string; description: string | null },
  ): Promise<EvidenceFile> {
    // Again inside the transaction: a share revoked while the file was arriving takes the right with it.
    const kase = await this.writableCase(ctx, caseId, incidentId);
    const row = await this.repository.insert(ctx.db, {
      caseId: kase.id,
      incidentId,
      fileName: file.fileName,
      mediaType: file.mediaType,
      byteSize: file.incoming.byteSize,
      sha256: file.incoming.sha256,
      storageKey: file.key,
      description: file.description,
      uploadedById: ctx.user!.id,
      uploadedByAgencyId: ctx.user!.agencyId,
    });
    const added = toEvidenceFile(row);
    await this.audit.record(ctx, kase.id, AuditAction.EVIDENCE_ADDED, {
      file: trailOf(added),
      ...(incidentId ? { incidentId } : {}),
    });
    // As for a new party: the case changed, and every agency holding it hears so (reading the file is their own rules').
    await this.alerts.raise(ctx, AlertKind.CASE_UPDATED, { caseId: kase.id, detail: { evidence: 'added' } });
    return added;
  }

  /** The case, if the caller may add evidence to it; the incident, if named, must be one of its own. */
  private async writableCase(ctx: RequestContext, caseId: string, incidentId: string | null): Promise<Case> {
    const kase = await this.cases.require(ctx, caseId, 'contribute');
    assertWritable(ctx.ability, 'Case', caseAttributes(kase), ['evidence']);
    if (incidentId) {
      if (!(await this.incidents.isOfCase(ctx.db, incidentId, kase.id)))
        throw new BadInputError('incidentId', 'incidentId is not an incident of this case');
    }
    return kase;
  }

  /**
   * A file whose case the caller may read and whose evidence they may read, decided in the SQL; null for
   * anything else, so a refusal and a file that does not exist look the same.
   */
  private async readableRow(
    ctx: RequestContext,
    id: string,
  ): Promise<(EvidenceRow & { owner_agency_id: string }) | null> {
    if (!isId(id)) return null;
    return (await this.repository.findReadable(ctx.db, ctx, id.toLowerCase())) ?? null;
  }

  /**
   * The file and its bytes for a download, recorded in the case's audit trail before a byte is sent; NOT_FOUND
   * for a file the caller may not read.
   */
  async download(ctx: RequestContext, id: string): Promise<{ file: EvidenceFile; bytes: Readable }> {
    const row = await this.readableRow(ctx, id);
    if (!row) throw new NotFoundError('Evidence file', 'id');
    const file = toEvidenceFile(row);
    const bytes = await this.store.open(file.storageKey);
    try {
      await this.audit.record(ctx, file.caseId, AuditAction.EVIDENCE_DOWNLOADED, { file: trailOf(file) });
    } catch (error) {
      bytes.destroy();
      throw error;
    }
    return { file, bytes };
  }

  /**
   * Removes a file: the row goes, its audit event keeps the name, checksum and reason. The bytes are deleted
   * last, inside the mutation's transaction, so if they cannot be the row and its trail stay as they were.
   */
  async remove(ctx: RequestContext, id: string, reason: string): Promise<boolean> {
    const why = statedReason(reason);
    if (why === null) throw new BadInputError('reason', 'Give a reason of 3 to 2,000 characters');
    const row = await this.readableRow(ctx, parseId(id, 'id'));
    if (!row) throw new NotFoundError('Evidence file', 'id');
    if (!ctx.ability.can('remove', subject('EvidenceFile', { caseOwnerAgencyId: row.owner_agency_id }))) {
      throw new ForbiddenError('Only the owner agency may remove evidence', 'id');
    }
    const deleted = await this.repository.delete(ctx.db, row.id);
    if (!deleted) throw new NotFoundError('Evidence file', 'id');
    const file = toEvidenceFile(deleted);
    await this.audit.record(ctx, file.caseId, AuditAction.EVIDENCE_REMOVED, { file: trailOf(file), reason: why });
    await this.alerts.raise(ctx, AlertKind.CASE_UPDATED, { caseId: file.caseId, detail: { evidence: 'removed' } });
    await this.store.remove(file.storageKey);
    return true;
  }

  /**
   * Every file of these cases, for retention: the rows go in the caller's transaction and the bytes last, as a
   * removal does; the caller records one event per case rather than one per file. Here rather than in the
   * repository because the bytes are the store's, which the service holds.
   */
  @AnonymisesCases({ tables: ['evidence_files'], irreversible: true })
  async removeAllOf(db: Database, caseIds: string[]): Promise<number> {
    const keys = await this.repository.deleteAllOfCases(db, caseIds);
    for (const key of keys) await this.store.remove(key);
    return keys.length;
  }

  /** Oldest first; null where the caller may not read the case's evidence (it is then in `redactedFields`). */
  async ofCase(ctx: RequestContext, parent: Case): Promise<EvidenceFile[] | null> {
    if (parent.redactedFields.includes('evidence')) return null;
    const files = await this.batched(ctx, 'case.evidence', 'case_id', parent.id);
    if (files.length > 0) noteView(ctx, parent.id, 'evidence');
    return files;
  }

  /** The evidence given for one incident, by the same rule as its case's list. */
  async ofIncident(ctx: RequestContext, incident: Incident): Promise<EvidenceFile[] | null> {
    const kase = await this.cases.visibleById(ctx, incident.caseId);
    if (!kase || kase.redactedFields.includes('evidence')) return null;
    const files = await this.batched(ctx, 'incident.evidence', 'incident_id', incident.id);
    if (files.length > 0) noteView(ctx, kase.id, 'evidence');
    return files;
  }

  private async batched(
    ctx: RequestContext,
    name: string,
    column: 'case_id' | 'incident_id',
    id: string,
  ): Promise<EvidenceFile[]> {
    const loader = loaderFor(
      ctx,
      name,
      () =>
        new DataLoader<string, EvidenceRow[]>(async (ids) => {
          const rows = await this.repository.findOf(ctx.db, column, ids);
          return groupBy(ids, rows, (row) => row[column]!);
        }),
    );
    return (await loader.load(id)).map(toEvidenceFile);
  }
}
