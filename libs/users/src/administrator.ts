/** The agency of kind OTHER that the partnership's administrators belong to, so every user has an agency. */
export const ADMINISTRATION_AGENCY = 'Partnership administration';
