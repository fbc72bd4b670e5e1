import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { CaseMeetingReferralsQuery } from '../../gql/graphql';
import { apiFieldErrors, errorCode } from '../../apollo';
import {
  ErrorSummary,
  NotificationBanner,
  SummaryList,
  Tag,
  Textarea,
  Withheld,
  type FieldError,
} from '../../ui/govuk';
import { formatDate, formatDateTime, humanise } from '../../format';
import { KIND_NAMES } from './ScheduleMeetingForm';
import type { CaseData } from '../cases/CasePage';

/** The referrals alone: only the owner agency may read them, so the case page's main query stays the same for everyone. */
const CaseMeetingReferrals = graphql(`
  query CaseMeetingReferrals($id: ID!) {
    case(id: $id) {
      id
      meetingReferrals {
        agendaItemId
        meetingTitle
        meetingKind
        startsAt
        publishedAt
        closedAt
        reason
        referredAt
        withdrawnAt
        referredByAgency {
          id
          name
        }
      }
    }
  }
`);

const WithdrawCaseFromMeeting = graphql(`
  mutation WithdrawCaseFromMeeting($agendaItemId: ID!, $reason: String!) {
    withdrawCaseFromMeeting(agendaItemId: $agendaItemId, reason: $reason) {
      id
      withdrawnAt
    }
  }
`);

type Referral = NonNullable<NonNullable<CaseMeetingReferralsQuery['case']>['meetingReferrals']>[number];

const HEADING_ID = 'meeting-agendas-heading';

/**
 * Where the owner agency's case is discussed: every agenda it is or was on, including meetings of other
 * agencies that the owner does not attend (a referral discloses the case to every attendee), with the way to
 * take it off one that is still to be held. Partners never see it: the API withholds it from them.
 */
export function MeetingAgendasPanel({ c }: { c: CaseData }) {
  if (!c.viewerCan.withdrawFromMeeting) return null;
  return <MeetingAgendasSection caseId={c.id} reference={c.reference} />;
}

function MeetingAgendasSection({ caseId, reference }: { caseId: string; reference: string }) {
  const { data, loading, error, refetch } = useQuery(CaseMeetingReferrals, {
    variables: { id: caseId },
    fetchPolicy: 'cache-and-network',
  });
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ success: boolean; text: string } | null>(null);
  const referrals = data?.case?.meetingReferrals;

  return (
    <section aria-labelledby={HEADING_ID} className="govuk-!-margin-top-6" id="meeting-agendas">
      <h3 className="govuk-heading-m" id={HEADING_ID}>
        On meeting agendas
      </h3>
      {notice?.success && (
        <NotificationBanner title="Success" success>
          <p className="govuk-notification-banner__heading">{notice.text}</p>
        </NotificationBanner>
      )}
      {notice && !notice.success && <ErrorSummary errors={[{ text: notice.text }]} />}
      {loading && !data && (
        <p className="govuk-body" role="status">
          Loading the meeting agendas…
        </p>
      )}
      {error && !data && <p className="govuk-body">The meeting agendas could not be loaded. Try again later.</p>}
      {data?.case &&
        (referrals === null || referrals === undefined ? (
          <p className="govuk-body">
            <Withheld />: only the agency that owns the case sees the agendas it is on.
          </p>
        ) : referrals.length === 0 ? (
          <p className="govuk-body">This case is not on any meeting’s agenda.</p>
        ) : (
          <>
            <p className="govuk-body">
              Every meeting this case has been referred to, newest first, including meetings your agency does not
              attend. A referral shares the case with every agency at the meeting; you can take the case off an agenda
              until the meeting is closed.
            </p>
            {referrals.map((r) => (
              <ReferralCard
                key={r.agendaItemId}
                r={r}
                reference={reference}
                withdrawing={withdrawing === r.agendaItemId}
                onWithdraw={() => {
                  setNotice(null);
                  setWithdrawing(r.agendaItemId);
                }}
                onCancel={() => setWithdrawing(null)}
                onDone={(text, success) => {
                  setWithdrawing(null);
                  setNotice({ success, text });
                }}
                refetch={() => refetch()}
              />
            ))}
          </>
        ))}
    </section>
  );
}

function status(r: Referral) {
  if (r.withdrawnAt) return <Tag colour="grey">Withdrawn on {formatDate(r.withdrawnAt)}</Tag>;
  if (r.closedAt) return <Tag colour="grey">Meeting closed</Tag>;
  return <Tag colour="blue">On the agenda</Tag>;
}

function ReferralCard({
  r,
  reference,
  withdrawing,
  onWithdraw,
  onCancel,
  onDone,
  refetch,
}: {
  r: Referral;
  reference: string;
  withdrawing: boolean;
  onWithdraw: () => void;
  onCancel: () => void;
  onDone: (text: string, success: boolean) => void;
  refetch: () => Promise<unknown>;
}) {
  const live = !r.withdrawnAt && !r.closedAt;
  const toggleId = `referral-${r.agendaItemId}-withdraw`;
  const cancelled = useRef(false);
  // Closing the form without sending returns the reader to the button that opened it.
  useEffect(() => {
    if (!withdrawing && cancelled.current) {
      document.getElementById(toggleId)?.focus();
      cancelled.current = false;
    }
  }, [withdrawing, toggleId]);

  return (
    <div className="govuk-summary-card" data-agenda-item={r.agendaItemId}>
      <div className="govuk-summary-card__title-wrapper">
        <h4 className="govuk-summary-card__title">{r.meetingTitle}</h4>
      </div>
      <div className="govuk-summary-card__content">
        <SummaryList
          rows={[
            { key: 'Meeting', value: KIND_NAMES[r.meetingKind] ?? humanise(r.meetingKind) },
            { key: 'Date', value: formatDateTime(r.startsAt) },
            { key: 'Referred by', value: `${r.referredByAgency.name} on ${formatDate(r.referredAt)}` },
            { key: 'Reason for referral', value: humanise(r.reason) },
            { key: 'Agenda', value: r.publishedAt ? `Published on ${formatDate(r.publishedAt)}` : 'Not published yet' },
            { key: 'Status', value: status(r) },
          ]}
        />
        {live &&
          (withdrawing ? (
            <WithdrawReferralForm
              r={r}
              reference={reference}
              refetch={refetch}
              onDone={onDone}
              onCancel={() => {
                cancelled.current = true;
                onCancel();
              }}
            />
          ) : (
            <button
              type="button"
              id={toggleId}
              className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
              data-module="govuk-button"
              onClick={onWithdraw}
            >
              Take off this agenda<span className="govuk-visually-hidden">: {r.meetingTitle}</span>
            </button>
          ))}
      </div>
    </div>
  );
}

function WithdrawReferralForm({
  r,
  reference,
  refetch,
  onDone,
  onCancel,
}: {
  r: Referral;
  reference: string;
  refetch: () => Promise<unknown>;
  onDone: (text: string, success: boolean) => void;
  onCancel: () => void;
}) {
  const fieldId = `referral-${r.agendaItemId}-reason`;
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [withdraw, { loading }] = useMutation(WithdrawCaseFromMeeting);

  // The form appears on request: put the cursor where the reason goes.
  useEffect(() => {
    document.getElementById(fieldId)?.focus();
  }, [fieldId]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const why = reason.trim();
    if (why.length < 3) {
      setErrors([
        { text: 'Enter why the case is being taken off this agenda, in at least 3 characters', href: fieldId },
      ]);
      return;
    }
    setErrors([]);
    try {
      await withdraw({ variables: { agendaItemId: r.agendaItemId, reason: why } });
      await refetch();
      onDone(
        `${reference} was taken off the agenda of ${r.meetingTitle}. The reason is recorded on the case’s audit trail.`,
        true,
      );
    } catch (err) {
      if (errorCode(err) === 'CONFLICT') {
        // Withdrawn by someone else, or the meeting closed, since the page was read: show the agenda as it is now.
        await refetch().catch(() => undefined);
        onDone(
          `${reference} could not be taken off the agenda of ${r.meetingTitle}: it has already been withdrawn or the meeting has closed. The agenda is shown as it is now.`,
          false,
        );
        return;
      }
      setErrors(apiFieldErrors(err, (f) => (f === 'reason' ? { id: fieldId, label: 'Reason' } : undefined)));
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label={`Take ${reference} off the agenda of ${r.meetingTitle}`}>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <Textarea
        id={fieldId}
        label="Why are you taking the case off this agenda?"
        labelClass="govuk-label--s"
        hint="For example: the victim has withdrawn consent, or the risk has been reassessed. The reason is kept on the case’s audit trail and shown on the meeting’s agenda."
        rows={3}
        value={reason}
        onChange={setReason}
        error={errors.find((e) => e.href === fieldId)?.text}
      />
      <div className="govuk-button-group">
        <button
          type="submit"
          className="govuk-button govuk-button--warning"
          disabled={loading}
          data-module="govuk-button"
        >
          Take off the agenda<span className="govuk-visually-hidden"> of {r.meetingTitle}</span>
        </button>
        <button type="button" className="govuk-link app-link-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
