import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { formatDate } from '../../format';
import { Radios } from '../../ui/govuk';

const PersonMatchesQuery = graphql(`
  query PersonMatches($fullName: String!, $dateOfBirth: String, $caseId: ID) {
    personMatches(fullName: $fullName, dateOfBirth: $dateOfBirth, caseId: $caseId) {
      partyId
      personId
      fullName
      dateOfBirth
      dateOfBirthAgrees
      caseCount
    }
  }
`);

/** The value typed, once the typing has paused: a suggestion per keystroke would be a query per keystroke. */
function useSettled<T>(value: T, ms = 350): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

const validDate = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null);

/**
 * People already known who may be the one being typed in, from names and other names the reader may read. Nothing
 * is linked unless the user picks one: `chosen` is the picked suggestion's party, '' for none.
 */
export function LikelyMatches({
  id,
  caseId,
  fullName,
  dateOfBirth,
  chosen,
  onChoose,
}: {
  id: string;
  caseId: string;
  fullName: string;
  dateOfBirth: string;
  chosen: string;
  onChoose: (partyId: string) => void;
}) {
  const name = useSettled(fullName.trim());
  const born = useSettled(validDate(dateOfBirth));
  const { data, previousData } = useQuery(PersonMatchesQuery, {
    variables: { fullName: name, dateOfBirth: born, caseId },
    skip: name.length < 3,
    fetchPolicy: 'network-only',
  });
  const found = (data ?? previousData)?.personMatches;
  const matches = useMemo(() => (name.length < 3 ? [] : (found ?? [])), [name, found]);
  useEffect(() => {
    if (chosen && !matches.some((m) => m.partyId === chosen)) onChoose('');
  }, [chosen, matches, onChoose]);
  if (matches.length === 0) return <div aria-live="polite" />;
  return (
    <div className="govuk-inset-text" aria-live="polite">
      <Radios
        id={id}
        legend="Possibly the same person as someone already known"
        hint="Link only if you are sure: the repeat-referral and review checks will count their cases together."
        value={chosen}
        onChange={onChoose}
        options={[
          ...matches.map((m) => ({
            value: m.partyId,
            text: `Link to this person: ${m.fullName}${m.dateOfBirth ? `, born ${formatDate(m.dateOfBirth)}` : ''}, on ${m.caseCount} ${m.caseCount === 1 ? 'case' : 'cases'} you can see`,
          })),
          { value: '', text: 'Not the same person as any of these' },
        ]}
      />
    </div>
  );
}
