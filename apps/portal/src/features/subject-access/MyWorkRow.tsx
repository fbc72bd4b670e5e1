import { useQuery } from '@apollo/client/react';
import { Link } from '../../router';
import type { SessionUser } from '../../session';
import type { SummaryRow } from '../../ui/govuk';
import { OpenSubjectAccessQuery } from './queries';

/**
 * The My work line for a manager who answers subject access requests: open ones, and the overdue ones called
 * out, since the statutory month passes whether or not anyone opens the page. Nothing for anyone else.
 */
export function useSubjectAccessRow(user: SessionUser): SummaryRow[] {
  const allowed = user.can.answerSubjectAccess;
  const { data } = useQuery(OpenSubjectAccessQuery, { skip: !allowed, fetchPolicy: 'cache-and-network' });
  if (!allowed) return [];
  const open = data?.subjectAccessRequests ?? [];
  const overdue = open.filter((r) => r.overdue).length;
  return [
    {
      key: 'Subject access',
      value: (
        <>
          <Link href="/subject-access" className="govuk-link">
            {open.length} open {open.length === 1 ? 'request' : 'requests'}
          </Link>
          {overdue > 0 && (
            <>
              {', '}
              <strong className="govuk-tag govuk-tag--red">{overdue} overdue</strong>
            </>
          )}
        </>
      ),
    },
  ];
}
