import { useEffect, useRef } from 'react';
import { useQuery } from '@apollo/client/react';
import { TriageCountQuery } from './queries';

/**
 * How many reports wait in the agency's triage queue, beside the Triage link: read again as the user moves
 * between pages, and part of the link's name ("Triage 3 waiting") so it is heard as well as seen.
 */
export function TriageBadge({ path }: { path: string }) {
  const { data, refetch } = useQuery(TriageCountQuery);
  const lastPath = useRef(path);
  useEffect(() => {
    if (path === lastPath.current) return;
    lastPath.current = path;
    refetch().catch(() => undefined);
  }, [path, refetch]);
  const count = data?.triageQueue.length ?? 0;
  if (!count) return null;
  return (
    <>
      {' '}
      <span className="moj-notification-badge">
        {count}
        <span className="govuk-visually-hidden"> waiting</span>
      </span>
    </>
  );
}
