import { Injectable } from '@nestjs/common';

/** The only code that names the users table. */
@Injectable()
export class UsersRepository {
  // for retention

  /**
   * A scalar subquery for the display name of the user whose id is in `column`, for a library that shows who did
   * something beside its own row in the same statement (so one statement stays one, and the users table is still
   * named only here).
   */
  static displayNameOf(column: string): string {
    return `(SELECT display_name FROM users WHERE id = ${column})`;
  }
}
