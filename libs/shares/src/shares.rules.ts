/** The information-sharing basis as recorded: 3 to 2,000 characters once trimmed; null when it is not one. */
export function sharingBasis(reason: string): string | null {
  const basis = reason.trim();
  return basis.length < 3 || basis.length > 2000 ? null : basis;
}
