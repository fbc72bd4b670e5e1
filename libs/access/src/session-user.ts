import type { AgencyKind, Role } from '#libs/common';

/** The signed-in person, as every rule sees them. */
export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  agencyId: string;
  agencyKind: AgencyKind;
  roles: Role[];
  /**
   * Set when a partner's case system presents a key (issue 16): the caller is the agency's service account, and
   * a read-only key writes nothing at all.
   */
  apiKey?: { id: string; readOnly: boolean };
}
