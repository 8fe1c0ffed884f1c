// Recompute aggregated OPPOSES edges (directed) from every stored non-negated statement of the pair;
// an edge left with no statement is deleted. Parameters: $pairs [{a, b, key}] (key = statement pair_key), $speculative (the modality value).
UNWIND $pairs AS p
MATCH (a:Actor {id: p.a})
MATCH (b:Actor {id: p.b})
CALL (p) {
  OPTIONAL MATCH (s:Statement {pair_key: p.key})-[:IN]->(d:Document)
  WHERE NOT s.negated
  RETURN count(s) AS statements, count(DISTINCT d) AS documents,
         round(sum(s.confidence), 6) AS weight, max(s.confidence) AS confidence,
         min(s.date) AS first_seen, max(s.date) AS last_seen,
         collect(s.items) AS item_lists,
         sum(CASE WHEN s.modality = $speculative THEN 0 ELSE 1 END) = 0 AS speculative
}
MERGE (a)-[r:OPPOSES]->(b)
SET r.statements = statements, r.documents = documents, r.weight = toFloat(weight),
    r.confidence = confidence, r.first_seen = first_seen, r.last_seen = last_seen,
    r.items = reduce(acc = [], l IN item_lists | acc + [i IN l WHERE NOT i IN acc]),
    r.speculative = speculative
WITH r
WHERE r.statements = 0
DELETE r
