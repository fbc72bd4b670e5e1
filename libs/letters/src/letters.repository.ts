import { Injectable } from '@nestjs/common';
import { accessibleSql, type Action, type PortalAbility } from '#libs/access';
import { type Database, one, rows, SqlParams } from '#libs/db';
import { UsersRepository } from '#libs/users';
import type { LetterTemplateRow } from './letter-template.model.js';
import type { LetterKind } from './letters.rules.js';

const COLUMNS = `t.id, t.agency_id, t.kind, t.name, t.body, t.version, t.created_at, t.updated_at, t.retired_at,
  ${UsersRepository.displayNameOf('t.updated_by')} AS updated_by_name`;

/** The one place that names `letter_templates` and `letter_template_versions`; every read is scoped by the caller's rules. */
@Injectable()
export class LettersRepository {
  /** A new template and its first version, in one statement. */
  async insert(
    db: Database,
    row: { agencyId: string; kind: LetterKind; name: string; body: string; savedBy: string },
  ): Promise<LetterTemplateRow> {
    const inserted = await one<{ id: string }>(
      db,
      `WITH t AS (
         INSERT INTO letter_templates (agency_id, kind, name, body, created_by, updated_by)
         VALUES ($1, $2, $3, $4, $5, $5) RETURNING id, agency_id, version, name, body
       )
       INSERT INTO letter_template_versions (template_id, version, agency_id, name, body, saved_by)
       SELECT id, version, agency_id, name, body, $5 FROM t RETURNING template_id AS id`,
      [row.agencyId, row.kind, row.name, row.body, row.savedBy],
    );
    return (await this.find(db, null, inserted!.id))!;
  }

  /** One template the caller may `action`; undefined for another agency's, exactly as for one that does not exist. */
  async find(
    db: Database,
    scope: { ability: PortalAbility; action: Action } | null,
    id: string,
  ): Promise<LetterTemplateRow | undefined> {
    const params = new SqlParams();
    const id$ = params.add(id);
    const where = scope ? accessibleSql(scope.ability, scope.action, 'LetterTemplate', 't', params) : 'TRUE';
    return one<LetterTemplateRow>(
      db,
      `SELECT ${COLUMNS} FROM letter_templates t WHERE t.id = ${id$}::uuid AND ${where}`,
      params.values,
    );
  }

  /** The caller's agency's templates: live ones by kind and name, then (if asked) the retired ones. */
  list(db: Database, ability: PortalAbility, includeRetired: boolean): Promise<LetterTemplateRow[]> {
    const params = new SqlParams();
    const where = accessibleSql(ability, 'read', 'LetterTemplate', 't', params);
    return rows<LetterTemplateRow>(
      db,
      `SELECT ${COLUMNS} FROM letter_templates t WHERE ${where}${includeRetired ? '' : ' AND t.retired_at IS NULL'}
        ORDER BY t.retired_at IS NOT NULL, t.kind, lower(t.name), t.id`,
      params.values,
    );
  }

  /**
   * A new version, if the template is still at `expectedVersion` and not retired; the old text stays in
   * `letter_template_versions`. Undefined when it has moved on (or was retired) meanwhile.
   */
  async saveVersion(
    db: Database,
    id: string,
    expectedVersion: number,
    text: { name: string; body: string; savedBy: string },
  ): Promise<LetterTemplateRow | undefined> {
    const saved = await one<{ id: string }>(
      db,
      `WITH t AS (
         UPDATE letter_templates SET name = $3, body = $4, version = version + 1, updated_at = now(), updated_by = $5
          WHERE id = $1 AND version = $2 AND retired_at IS NULL
         RETURNING id, agency_id, version, name, body
       )
       INSERT INTO letter_template_versions (template_id, version, agency_id, name, body, saved_by)
       SELECT id, version, agency_id, name, body, $5 FROM t RETURNING template_id AS id`,
      [id, expectedVersion, text.name, text.body, text.savedBy],
    );
    return saved ? this.find(db, null, saved.id) : undefined;
  }

  /** Retired once; retiring again changes nothing. */
  async retire(db: Database, id: string, by: string): Promise<LetterTemplateRow | undefined> {
    await one(
      db,
      `UPDATE letter_templates SET retired_at = now(), retired_by = $2 WHERE id = $1 AND retired_at IS NULL RETURNING id`,
      [id, by],
    );
    return this.find(db, null, id);
  }
}
