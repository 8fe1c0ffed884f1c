// Add per-pair aggregates (rows.edge_deltas: the one definition of an edge's aggregate) to the
// aggregated {{type}} edges: the statements of NEW documents, or every statement of a pair whose
// edge was deleted to be recomputed (a PARTNERSHIP is stored once per pair, lower id first).
// Exact because those statements never contributed before. Parameters: $edges [{a, b, statements,
// documents, weight, confidence, first_seen, last_seen, items, speculative, intensity_statements,
// intensity_sum, intensity_mean}]; the mean is recomputed from the added count and sum.
UNWIND $edges AS e
MATCH (a:Actor {id: e.a})
MATCH (b:Actor {id: e.b})
MERGE (a)-[r:{{type}}]->(b)
WITH e, r, coalesce(r.intensity_statements, 0) + e.intensity_statements AS n,
     round(coalesce(r.intensity_sum, 0.0) + e.intensity_sum, 6) AS total
SET r.intensity_statements = n,
    r.intensity_sum = total,
    r.intensity_mean = CASE WHEN n > 0 THEN round(total / n, 6) END,
    r.statements = coalesce(r.statements, 0) + e.statements,
    r.documents = coalesce(r.documents, 0) + e.documents,
    r.weight = round(coalesce(r.weight, 0.0) + e.weight, 6),
    r.confidence = CASE WHEN r.confidence IS NULL OR e.confidence > r.confidence
                        THEN e.confidence ELSE r.confidence END,
    r.first_seen = CASE WHEN r.first_seen IS NULL OR e.first_seen < r.first_seen
                        THEN coalesce(e.first_seen, r.first_seen) ELSE r.first_seen END,
    r.last_seen = CASE WHEN r.last_seen IS NULL OR e.last_seen > r.last_seen
                       THEN coalesce(e.last_seen, r.last_seen) ELSE r.last_seen END,
    r.items = coalesce(r.items, []) + [i IN e.items WHERE NOT i IN coalesce(r.items, [])],
    r.speculative = coalesce(r.speculative, true) AND e.speculative
