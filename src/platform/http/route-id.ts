/**
 * A row id from a URL segment. Anything that is not 1–9 digits becomes 0, which no row has, so services
 * answer 404 instead of the database failing on "1e3" or a number beyond integer range.
 */
export function idFromParam(value: string | undefined): number {
  return value && /^\d{1,9}$/.test(value) ? Number(value) : 0;
}
