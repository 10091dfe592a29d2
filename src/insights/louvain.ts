/**
 * Louvain community detection (Blondel et al., 2008) on a small weighted undirected graph: nodes move
 * to the neighbouring community that raises modularity most, communities become nodes, repeat until
 * nothing moves. The number of communities comes out of the graph; nobody chooses it. `resolution`
 * above 1 favours more, smaller communities (Reichardt–Bornholdt γ). Deterministic: nodes are visited
 * in index order.
 */
export function louvain(nodeCount: number, edges: readonly [number, number, number][], resolution = 1): Int32Array {
  let community: Int32Array = Int32Array.from({ length: nodeCount }, (_, i) => i);
  let graph = toAdjacency(nodeCount, edges);
  const membership = Int32Array.from({ length: nodeCount }, (_, i) => i);
  for (let level = 0; level < 20; level++) {
    const { moved, labels } = oneLevel(graph, resolution);
    community = labels;
    for (let i = 0; i < nodeCount; i++) membership[i] = community[membership[i] as number] as number;
    if (!moved) break;
    graph = aggregate(graph, community);
  }
  return renumber(membership);
}

type Adjacency = { n: number; neighbours: Map<number, number>[]; selfLoops: Float64Array; degree: Float64Array; total: number };

function toAdjacency(n: number, edges: readonly [number, number, number][]): Adjacency {
  const neighbours = Array.from({ length: n }, () => new Map<number, number>());
  const selfLoops = new Float64Array(n);
  const degree = new Float64Array(n);
  let total = 0;
  for (const [a, b, w] of edges) {
    if (w <= 0) continue;
    if (a === b) {
      selfLoops[a] = (selfLoops[a] as number) + w;
      degree[a] = (degree[a] as number) + 2 * w;
    } else {
      const na = neighbours[a] as Map<number, number>;
      const nb = neighbours[b] as Map<number, number>;
      na.set(b, (na.get(b) ?? 0) + w);
      nb.set(a, (nb.get(a) ?? 0) + w);
      degree[a] = (degree[a] as number) + w;
      degree[b] = (degree[b] as number) + w;
    }
    total += w;
  }
  return { n, neighbours, selfLoops, degree, total };
}

function oneLevel(g: Adjacency, resolution: number): { moved: boolean; labels: Int32Array } {
  const labels = Int32Array.from({ length: g.n }, (_, i) => i);
  const communityDegree = Float64Array.from(g.degree);
  const m2 = 2 * g.total;
  if (m2 === 0) return { moved: false, labels };
  let movedAny = false;
  for (let pass = 0; pass < 50; pass++) {
    let moved = false;
    for (let v = 0; v < g.n; v++) {
      const own = labels[v] as number;
      const kv = g.degree[v] as number;
      const links = new Map<number, number>();
      for (const [u, w] of g.neighbours[v] as Map<number, number>) {
        const c = labels[u] as number;
        links.set(c, (links.get(c) ?? 0) + w);
      }
      communityDegree[own] = (communityDegree[own] as number) - kv;
      let bestCommunity = own;
      let bestGain = (links.get(own) ?? 0) - (resolution * kv * (communityDegree[own] as number)) / m2;
      for (const [c, w] of links) {
        const gain = w - (resolution * kv * (communityDegree[c] as number)) / m2;
        if (gain > bestGain + 1e-12) {
          bestGain = gain;
          bestCommunity = c;
        }
      }
      communityDegree[bestCommunity] = (communityDegree[bestCommunity] as number) + kv;
      if (bestCommunity !== own) {
        labels[v] = bestCommunity;
        moved = true;
        movedAny = true;
      }
    }
    if (!moved) break;
  }
  return { moved: movedAny, labels: renumber(labels) };
}

function aggregate(g: Adjacency, labels: Int32Array): Adjacency {
  const count = Math.max(...labels) + 1;
  const edges: [number, number, number][] = [];
  for (let v = 0; v < g.n; v++) {
    const cv = labels[v] as number;
    if ((g.selfLoops[v] as number) > 0) edges.push([cv, cv, g.selfLoops[v] as number]);
    for (const [u, w] of g.neighbours[v] as Map<number, number>) if (u > v) edges.push([cv, labels[u] as number, w]);
  }
  return toAdjacency(count, edges);
}

function renumber(labels: Int32Array): Int32Array {
  const ids = new Map<number, number>();
  return labels.map((l) => {
    let id = ids.get(l);
    if (id === undefined) {
      id = ids.size;
      ids.set(l, id);
    }
    return id;
  });
}
