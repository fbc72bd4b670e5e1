import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AlertKind, AlertOutbox, AlertScheduler } from '#libs/alerts';
import { Lent } from '#libs/common';
import { ActionsRepository } from './actions.repository.js';

/**
 * The meeting of an agenda item, as SQL, lent by meetings when it starts: meetings depends on actions, so actions
 * cannot ask meetings' repository itself, yet an overdue action agreed at a meeting names its meeting.
 */
@Injectable()
export class AgendaItemMeetings extends Lent<(agendaItemColumn: string) => string> {
  protected readonly missing = 'The meetings library has not lent the meeting of an agenda item';

  /** The meeting id of the agenda item whose id is in `agendaItemColumn` (NULL where it is null). */
  meetingOf(agendaItemColumn: string): string {
    return this.borrowed()(agendaItemColumn);
  }
}

/**
 * Overdue actions alert once each: a scheduler pass claims them with an UPDATE that marks them alerted in the
 * same transaction that raises the alert, so with several instances running the second to reach one finds it
 * claimed. A meeting's action names its meeting, so an attending owner without a share of the case is told too.
 */
@Injectable()
export class OverdueActions implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: AlertScheduler,
    private readonly repository: ActionsRepository,
    private readonly meetings: AgendaItemMeetings,
  ) {}

  onModuleInit(): void {
    this.scheduler.addPass((now) => this.raise(now));
  }

  async raise(now: Date): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      const claimed = await this.repository.claimOverdue(db, now, this.meetings.meetingOf('a.agenda_item_id'));
      for (const action of claimed) {
        await AlertOutbox.insert(
          db,
          AlertKind.ACTION_OVERDUE,
          {
            caseId: action.case_id,
            actionId: action.id,
            targetAgencyId: action.owner_agency_id,
            meetingId: action.meeting_id ?? undefined,
            detail: { dueAt: action.due_at },
          },
          null,
        );
      }
    });
  }
}
