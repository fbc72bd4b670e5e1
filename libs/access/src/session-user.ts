import type { AgencyKind, Role } from '#libs/common';

/** The signed-in person, as every rule sees them. */
export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  agencyId: string;
  agencyKind: AgencyKind;
  roles: Role[];
}
