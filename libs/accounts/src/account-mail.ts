import type { NewMail } from '#libs/mail';
import { INVITATION_HOURS, RESET_MINUTES } from './accounts.rules.js';

/**
 * The text of account mail. A link, and nothing about any case: mail sits in mailboxes and servers' logs. The token
 * rides in the fragment (#token=…), which browsers never send to a server, so no proxy or access log records it.
 */
export function invitationMail(to: string, displayName: string, publicUrl: string, token: string): NewMail {
  return {
    to,
    subject: 'Your invitation to the partnership portal',
    text: `Hello ${displayName},

An administrator has created an account for you on the partnership portal. Choose your password here:

${publicUrl}/invitation#token=${token}

The link works once, for ${INVITATION_HOURS} hours. If you were not expecting this, you can ignore this message.
`,
  };
}

export function resetMail(to: string, displayName: string, publicUrl: string, token: string): NewMail {
  return {
    to,
    subject: 'Reset your partnership portal password',
    text: `Hello ${displayName},

Someone asked to reset the password of your partnership portal account. To choose a new one, open:

${publicUrl}/reset-password#token=${token}

The link works once, for ${RESET_MINUTES} minutes. If it was not you, ignore this message: your password stays as it is.
`,
  };
}
