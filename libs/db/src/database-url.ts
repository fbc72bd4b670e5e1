/** The application role's URL (not the owner's): for connections of the portal's own, such as the notification listener. */
export const DATABASE_URL = Symbol('DATABASE_URL');
