/** An administrator with no casework role reads no case; say so rather than show an error. */
export function NoCaseAccess() {
  return (
    <div className="govuk-inset-text">
      Your account manages the partnership and does not read cases. Use Administration to manage agencies and users.
    </div>
  );
}
