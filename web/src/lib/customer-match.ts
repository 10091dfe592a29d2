/**
 * Whether a search names this customer, by the rule the case search uses: every word starts one of
 * the name's parts ("hal" finds Halvorsen, "the" does not find Heather), or the search is their
 * whole email address.
 */
export function searchNamesCustomer(q: string, customer: { name: string; email: string | null }): boolean {
  const query = q.trim().toLowerCase();
  if (!query) return false;
  if (customer.email && customer.email.toLowerCase() === query) return true;
  const parts = customer.name.toLowerCase().split(/\s+/);
  return query.split(/\s+/).every((word) => parts.some((part) => part.startsWith(word)));
}
