/**
 * Normalised mutual information between two labellings of the same items, I(A;B) / sqrt(H(A)·H(B))
 * (the geometric normalisation; 1 = the same partition, 0 = independent). Unthemed items count as
 * one more group of their own, which is how they look to a reader.
 */
export function normalizedMutualInformation(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  if (a.length !== b.length) throw new Error('both labellings must cover the same items');
  const n = a.length;
  if (n === 0) return 0;
  const ca = new Map<string, number>();
  const cb = new Map<string, number>();
  const joint = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const x = String(a[i]);
    const y = String(b[i]);
    ca.set(x, (ca.get(x) ?? 0) + 1);
    cb.set(y, (cb.get(y) ?? 0) + 1);
    const key = `${x}\u0000${y}`;
    joint.set(key, (joint.get(key) ?? 0) + 1);
  }
  const entropy = (counts: Map<unknown, number>) => {
    let h = 0;
    for (const c of counts.values()) h -= (c / n) * Math.log(c / n);
    return h;
  };
  let mi = 0;
  for (const [key, c] of joint) {
    const [x, y] = key.split('\u0000') as [string, string];
    const px = (ca.get(x) as number) / n;
    const py = (cb.get(y) as number) / n;
    mi += (c / n) * Math.log(c / n / (px * py));
  }
  const ha = entropy(ca);
  const hb = entropy(cb);
  if (ha === 0 || hb === 0) return ha === hb ? 1 : 0;
  return Math.max(0, Math.min(1, mi / Math.sqrt(ha * hb)));
}
