/**
 * A path on this site to send someone back to after an action, or undefined. Refuses what browsers would
 * read as another site: "//host", "/\\host", and paths with control characters or spaces ("/\t/host").
 */
export function toSameSitePath(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length > 2000) return undefined;
  if ([...value].some((character) => character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f))
    return undefined;
  return /^\/(?![/\\])[^\\\s]*$/.test(value) ? value : undefined;
}
