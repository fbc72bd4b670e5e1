import { SetMetadata } from '@nestjs/common';
import type { Action, Subject } from './ability.js';

export const POLICY_KEY = 'portal:policy';

export type Policy = { public: true } | { public: false; action: Action; subject: Subject };

/** The rule a root query, mutation or subscription needs; a root field without one is unreachable. */
export const Allow = (action: Action, subject: Subject) =>
  SetMetadata(POLICY_KEY, { public: false, action, subject } satisfies Policy);

/** Reachable without signing in (sign-in itself). */
export const Public = () => SetMetadata(POLICY_KEY, { public: true } satisfies Policy);
