import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { AttendanceStatus } from '../../gql/graphql';
import { apiFieldErrors } from '../../apollo';
import type { SessionUser } from '../../session';
import { ErrorSummary, Radios, Table, Textarea, type FieldError } from '../../ui/govuk';
import { MeetingDetail } from './queries';
import type { MeetingData } from './types';

const RecordAttendance = graphql(`
  mutation RecordAttendance($meetingId: ID!, $userId: ID!, $status: AttendanceStatus!, $informationSent: String) {
    recordAttendance(meetingId: $meetingId, userId: $userId, status: $status, informationSent: $informationSent) {
      userId
      status
    }
  }
`);

const STATUS_TEXT: Record<string, string> = { PRESENT: 'Present', OBSERVER: 'Observer', APOLOGIES: 'Apologies' };

/** Who took part, and a form for the signed-in user's own attendance or apologies. */
export function AttendancePanel({ m, user }: { m: MeetingData; user: SessionUser }) {
  const agencyName = (id: string) => m.agencies.find((a) => a.id === id)?.name ?? '';
  return (
    <section aria-labelledby="attendance-heading" className="govuk-!-margin-top-6">
      <h2 className="govuk-heading-m" id="attendance-heading">
        Attendance
      </h2>
      {m.attendance.length === 0 ? (
        <p className="govuk-body">No attendance has been recorded yet.</p>
      ) : (
        <Table
          caption="Attendance and apologies"
          captionClass="govuk-table__caption--s"
          head={['Name', 'Agency', 'Attendance', 'Information sent instead']}
          rows={m.attendance}
          rowKey={(a) => a.userId}
          cells={(a) => [
            a.displayName,
            agencyName(a.agencyId),
            STATUS_TEXT[a.status] ?? a.status,
            a.informationSent ?? '',
          ]}
        />
      )}
      {!m.closedAt && <OwnAttendanceForm m={m} user={user} />}
    </section>
  );
}

function OwnAttendanceForm({ m, user }: { m: MeetingData; user: SessionUser }) {
  const mine = m.attendance.find((a) => a.userId === user.id);
  const [status, setStatus] = useState<string>(mine?.status ?? '');
  const [informationSent, setInformationSent] = useState(mine?.informationSent ?? '');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState(false);
  const [record, { loading }] = useMutation(RecordAttendance, {
    refetchQueries: [{ query: MeetingDetail, variables: { id: m.id } }],
    awaitRefetchQueries: true,
  });
  const fields: Record<string, { id: string; label: string }> = {
    status: { id: 'attendance-status', label: 'Your attendance' },
    informationSent: { id: 'attendance-information', label: 'Information sent instead' },
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (!status) {
      setErrors([{ text: 'Select how you are taking part', href: 'attendance-status' }]);
      return;
    }
    setErrors([]);
    try {
      await record({
        variables: {
          meetingId: m.id,
          userId: user.id,
          status: status as AttendanceStatus,
          informationSent: status === 'APOLOGIES' ? informationSent.trim() || null : null,
        },
      });
      setSaved(true);
    } catch (err) {
      setErrors(apiFieldErrors(err, (f) => fields[f]));
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Your attendance" className="govuk-!-margin-top-4">
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      {saved && (
        <p className="govuk-body govuk-!-font-weight-bold" role="status">
          Your attendance was recorded.
        </p>
      )}
      <Radios
        id="attendance-status"
        legend="Your attendance"
        inline
        value={status}
        onChange={setStatus}
        error={errors.find((e) => e.href === 'attendance-status')?.text}
        options={[
          { value: 'PRESENT', text: 'Present' },
          { value: 'OBSERVER', text: 'Observer' },
          { value: 'APOLOGIES', text: 'Apologies' },
        ]}
      />
      {status === 'APOLOGIES' && (
        <Textarea
          id="attendance-information"
          label="Information sent instead"
          hint="Optional: what your agency sent the meeting in your place"
          rows={3}
          value={informationSent}
          onChange={setInformationSent}
        />
      )}
      <button
        type="submit"
        className="govuk-button govuk-button--secondary"
        disabled={loading}
        data-module="govuk-button"
      >
        Record attendance
      </button>
    </form>
  );
}
