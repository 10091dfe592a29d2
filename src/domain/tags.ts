/**
 * Tags: short labels a team puts on cases to group them ("vip", "late-delivery"). A tag is lower
 * case letters, digits and hyphens, so the same label typed twice is one tag and no tag needs
 * escaping in a URL or a query.
 */

export const MAX_TAG_LENGTH = 40;
export const MAX_TAGS_PER_CASE = 20;
export const TAG_PATTERN = /^[\p{Ll}\p{Lo}\p{N}][\p{Ll}\p{Lo}\p{N}-]*$/u;
export const TAG_RULE = `letters, digits and hyphens, up to ${MAX_TAG_LENGTH} characters`;

/** A tag as typed, in its one spelling: trimmed, lower case, spaces as hyphens; null when it cannot be a tag. */
export function normalizeTag(raw: string): string | null {
  const tag = raw.trim().toLowerCase().replace(/\s+/g, '-');
  return tag.length > 0 && tag.length <= MAX_TAG_LENGTH && TAG_PATTERN.test(tag) ? tag : null;
}

/** A case's tags after a change: sorted, each once. */
export function applyTagChange(current: readonly string[], add: readonly string[], remove: readonly string[]): string[] {
  const next = new Set(current);
  for (const t of remove) next.delete(t);
  for (const t of add) next.add(t);
  return [...next].sort();
}
