import { describe, expect, it } from '@jest/globals';
import { AlertKind } from '#libs/alerts';
import {
  digestMail,
  effectiveDeliveries,
  immediateMail,
  type MailLinks,
  NotificationDelivery,
  readUnsubscribeToken,
  unsubscribeKey,
  unsubscribeToken,
} from './notifications.rules.js';

const USER = '7d6f2a0e-3b8c-4c1d-9e2f-0a1b2c3d4e5f';
const OTHER = '11111111-2222-4333-8444-555555555555';
const key = unsubscribeKey('a key of at least thirty-two characters, for tests');
const links: MailLinks = {
  publicUrl: 'https://portal.example.org',
  unsubscribe: (kind) => `https://portal.example.org/notifications/unsubscribe/${unsubscribeToken(key, USER, kind)}`,
};

describe('notification preferences', () => {
  it('take the defaults where the user chose nothing, and ignore what is not a delivery', () => {
    const kinds = effectiveDeliveries({ INCIDENT_LOGGED: 'OFF', CASE_CLOSED: 'SOMETIMES' });
    const of = (kind: AlertKind) => kinds.find((k) => k.kind === kind)!;
    expect(of(AlertKind.INCIDENT_LOGGED)).toEqual({ kind: 'INCIDENT_LOGGED', delivery: 'OFF', chosen: true });
    expect(of(AlertKind.CASE_CLOSED)).toEqual({ kind: 'CASE_CLOSED', delivery: 'DIGEST', chosen: false });
    expect(of(AlertKind.RISK_ESCALATED).delivery).toBe(NotificationDelivery.IMMEDIATE);
    expect(of(AlertKind.ACTION_ASSIGNED).delivery).toBe(NotificationDelivery.IMMEDIATE);
    expect(kinds).toHaveLength(Object.values(AlertKind).length);
  });
});

describe('unsubscribe tokens', () => {
  it('name the user and the kind they were made for', () => {
    const token = unsubscribeToken(key, USER, AlertKind.INCIDENT_LOGGED);
    expect(readUnsubscribeToken(key, token)).toEqual({ userId: USER, kind: 'INCIDENT_LOGGED' });
  });

  it('are refused with another kind, another user, another key or a changed signature', () => {
    const token = unsubscribeToken(key, USER, AlertKind.INCIDENT_LOGGED);
    const [, , signature] = token.split('.');
    expect(readUnsubscribeToken(key, `${USER}.CASE_SHARED.${signature}`)).toBeNull();
    expect(readUnsubscribeToken(key, `${OTHER}.INCIDENT_LOGGED.${signature}`)).toBeNull();
    expect(readUnsubscribeToken(unsubscribeKey('another key material, also long enough'), token)).toBeNull();
    const flipped = signature.startsWith('A') ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
    expect(readUnsubscribeToken(key, `${USER}.INCIDENT_LOGGED.${flipped}`)).toBeNull();
    expect(readUnsubscribeToken(key, `${token}.extra`)).toBeNull();
    expect(readUnsubscribeToken(key, '')).toBeNull();
  });
});

describe('notification mail', () => {
  const item = {
    kind: AlertKind.RISK_ESCALATED,
    caseId: 'c0ffee00-0000-4000-8000-000000000001',
    meetingId: null,
    reference: 'ASB-2026-000042',
    count: 1,
  };

  it('says the kind, the reference and a link, with a one-click unsubscribe for that kind', () => {
    const mail = immediateMail(item, links);
    expect(mail.subject).toBe('Risk escalated: case ASB-2026-000042');
    expect(mail.text).toContain('https://portal.example.org/cases/c0ffee00-0000-4000-8000-000000000001');
    expect(mail.headers['List-Unsubscribe']).toBe(`<${links.unsubscribe(AlertKind.RISK_ESCALATED)}>`);
    expect(mail.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  });

  it('links a meeting’s own alert to the meeting', () => {
    const mail = immediateMail(
      { ...item, kind: AlertKind.AGENDA_PUBLISHED, caseId: null, reference: null, meetingId: 'meeting-1' },
      links,
    );
    expect(mail.subject).toBe('Meeting agenda published');
    expect(mail.text).toContain('https://portal.example.org/meetings/meeting-1');
  });

  it('groups a digest by case, counts each kind, and offers a way out of each kind in it', () => {
    const mail = digestMail(
      [
        { ...item, kind: AlertKind.INCIDENT_LOGGED, count: 3 },
        { ...item, kind: AlertKind.CASE_UPDATED },
        { ...item, kind: AlertKind.CASE_SHARED, caseId: 'other', reference: 'ASB-2026-000043' },
      ],
      links,
    );
    expect(mail.subject).toBe('Your daily alerts: 5 alerts in the partnership portal');
    expect(mail.text).toContain('Case ASB-2026-000042\n  - Incident logged (3)\n  - Case updated\n');
    expect(mail.text).toContain('Case ASB-2026-000043\n  - Case shared\n');
    for (const kind of [AlertKind.INCIDENT_LOGGED, AlertKind.CASE_UPDATED, AlertKind.CASE_SHARED])
      expect(mail.text).toContain(links.unsubscribe(kind));
    expect(mail.headers).toEqual({});
  });
});
