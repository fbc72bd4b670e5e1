import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { errorCode, errorMessages, errorRetryAfter } from '../../apollo';
import { saveBlob } from '../../download';
import { navigate, usePageTitle } from '../../router';
import { Button, ErrorSummary, NotificationBanner, TextInput, type FieldError } from '../../ui/govuk';

const SecondFactorStatus = graphql(`
  query SecondFactorStatus {
    me {
      id
      mfa {
        enrolled
        required
      }
    }
  }
`);

const BeginTotpEnrolment = graphql(`
  mutation BeginTotpEnrolment {
    beginTotpEnrolment {
      secret
      qrCodeDataUrl
    }
  }
`);

const ConfirmTotpEnrolment = graphql(`
  mutation ConfirmTotpEnrolment($code: String!) {
    confirmTotpEnrolment(code: $code)
  }
`);

const DisableTotp = graphql(`
  mutation DisableTotp($code: String!) {
    disableTotp(code: $code)
  }
`);

const loadingText = (
  <p className="govuk-body" role="status">
    Loading…
  </p>
);

/**
 * Someone expected to use a second factor who has none sets one up before anything else. The API does not refuse
 * them (partners' systems sign in with a password); this is the portal's own step.
 */
export function SecondFactorGate({ children }: { children: ReactNode }) {
  const { data, loading } = useQuery(SecondFactorStatus);
  if (loading && !data) return loadingText;
  const mfa = data?.me.mfa;
  if (mfa?.required && !mfa.enrolled) return <SecondFactorPage />;
  return <>{children}</>;
}

/** The wait the API asks for after failed codes, or what it said. */
function problemWith(err: unknown, wrongCode: string): FieldError {
  const retryAfter = errorRetryAfter(err);
  if (retryAfter !== undefined)
    return { text: `Too many attempts. Try again in ${retryAfter} ${retryAfter === 1 ? 'second' : 'seconds'}.` };
  if (errorCode(err) === 'BAD_USER_INPUT') return { text: wrongCode, href: 'code' };
  return { text: errorMessages(err)[0] ?? 'Something went wrong. Try again.' };
}

/** Sets up (or turns off) the signed-in user's second factor: an authenticator app, and recovery codes on paper. */
export function SecondFactorPage() {
  usePageTitle('Second factor');
  const { data, loading, refetch } = useQuery(SecondFactorStatus);
  const [begin, { data: begun, loading: beginning }] = useMutation(BeginTotpEnrolment);
  const [confirm, { loading: confirming }] = useMutation(ConfirmTotpEnrolment);
  const [disable, { loading: disabling }] = useMutation(DisableTotp);
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  if (loading && !data) return loadingText;
  const mfa = data?.me.mfa;

  const start = async () => {
    setErrors([]);
    try {
      await begin();
    } catch (err) {
      setErrors([{ text: errorMessages(err)[0] ?? 'Something went wrong. Try again.' }]);
    }
  };

  const turnOn = async (e: FormEvent) => {
    e.preventDefault();
    if (!code.trim()) return setErrors([{ text: 'Enter the 6-digit code from your authenticator app', href: 'code' }]);
    try {
      const { data: confirmed } = await confirm({ variables: { code: code.trim() } });
      setErrors([]);
      setCode('');
      // Shown this once: the status is asked again only when the person says they have kept them.
      setRecoveryCodes(confirmed?.confirmTotpEnrolment ?? []);
    } catch (err) {
      setCode('');
      setErrors([problemWith(err, 'Enter the code the app shows now: that one is wrong or has expired')]);
    }
  };

  const turnOff = async (e: FormEvent) => {
    e.preventDefault();
    if (!code.trim())
      return setErrors([{ text: 'Enter a code from your authenticator app, or a recovery code', href: 'code' }]);
    try {
      await disable({ variables: { code: code.trim() } });
      setErrors([]);
      setCode('');
      await refetch();
    } catch (err) {
      setCode('');
      setErrors([problemWith(err, 'Enter a correct code: that one is wrong, was used already or has expired')]);
    }
  };

  const fieldError = (id: string) => errors.find((e) => e.href === id)?.text;
  const summary = errors.length > 0 && <ErrorSummary errors={errors} />;

  if (recoveryCodes) {
    const text = `Partnership portal recovery codes\nEach code signs you in once if you cannot use your authenticator app.\n\n${recoveryCodes.join('\n')}\n`;
    return (
      <>
        <NotificationBanner title="Success" success>
          <p className="govuk-notification-banner__heading">Your second factor is on.</p>
        </NotificationBanner>
        <h1 className="govuk-heading-l">Save your recovery codes</h1>
        <p className="govuk-body">
          If you lose your phone, each of these codes signs you in once instead of a code from the app. They are shown
          only now: download or print them, and keep them somewhere safe, away from your computer.
        </p>
        <ol className="govuk-list govuk-list--number app-recovery-codes" aria-label="Recovery codes">
          {recoveryCodes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ol>
        <div className="govuk-button-group">
          <Button
            secondary
            type="button"
            onClick={() => saveBlob('recovery-codes.txt', new Blob([text], { type: 'text/plain' }))}
          >
            Download codes
          </Button>
          <Button secondary type="button" onClick={() => window.print()}>
            Print codes
          </Button>
        </div>
        <Button
          type="button"
          onClick={async () => {
            await refetch().catch(() => undefined);
            navigate('/', { replace: true });
          }}
        >
          I have saved my recovery codes
        </Button>
      </>
    );
  }

  if (mfa?.enrolled) {
    return (
      <>
        {summary}
        <h1 className="govuk-heading-l">Second factor</h1>
        <p className="govuk-body">Your second factor is on: signing in asks for a code from your authenticator app.</p>
        {mfa.required && (
          <p className="govuk-body">
            Your role or agency expects a second factor. If you turn it off, you will be asked to set one up again.
          </p>
        )}
        <h2 className="govuk-heading-m">Turn it off</h2>
        <form onSubmit={turnOff} noValidate>
          <TextInput
            id="code"
            label="Code from your authenticator app, or a recovery code"
            autoComplete="one-time-code"
            spellCheck={false}
            inputClass="govuk-input--width-10"
            value={code}
            onChange={setCode}
            error={fieldError('code')}
          />
          <Button warning disabled={disabling}>
            Turn off second factor
          </Button>
        </form>
      </>
    );
  }

  const enrolment = begun?.beginTotpEnrolment;
  return (
    <>
      {summary}
      <h1 className="govuk-heading-l">Set up a second factor</h1>
      {mfa?.required && (
        <p className="govuk-body">
          Your role or agency needs a second factor before you carry on: a 6-digit code from an authenticator app on
          your phone, asked for each time you sign in.
        </p>
      )}
      {!enrolment ? (
        <>
          <p className="govuk-body">
            You need an authenticator app on your phone, such as Microsoft Authenticator or Google Authenticator.
          </p>
          <Button type="button" onClick={start} disabled={beginning}>
            Set up a second factor
          </Button>
        </>
      ) : (
        <>
          <h2 className="govuk-heading-m">1. Add the portal to your app</h2>
          <p className="govuk-body">Scan this QR code with your authenticator app.</p>
          <img
            src={enrolment.qrCodeDataUrl}
            alt="QR code to scan with your authenticator app"
            width={200}
            height={200}
            className="app-qr-code"
          />
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">I cannot scan the QR code</span>
            </summary>
            <div className="govuk-details__text">
              Enter this key in your app (time-based):{' '}
              <code id="manual-key" data-key={enrolment.secret}>
                {enrolment.secret.match(/.{1,4}/g)?.join(' ')}
              </code>
            </div>
          </details>
          <h2 className="govuk-heading-m">2. Enter a code from the app</h2>
          <form onSubmit={turnOn} noValidate>
            <TextInput
              id="code"
              label="6-digit code"
              autoComplete="one-time-code"
              spellCheck={false}
              inputClass="govuk-input--width-5"
              value={code}
              onChange={setCode}
              error={fieldError('code')}
            />
            <Button disabled={confirming}>Turn on second factor</Button>
          </form>
        </>
      )}
    </>
  );
}
