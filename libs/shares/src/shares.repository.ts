import { Injectable } from '@nestjs/common';

/** The only code that names the case_shares table; other libraries call it. */
@Injectable()
export class SharesRepository {
  // for actions
  /** Whether the case `caseRef` names is shared, and not revoked, with the agency `agencyParam` names. */
  static liveShareSql(caseRef: string, agencyParam: string): string {
    return `EXISTS (SELECT 1 FROM case_shares s WHERE s.case_id = ${caseRef} AND s.agency_id = ${agencyParam} AND s.revoked_at IS NULL)`;
  }
}
