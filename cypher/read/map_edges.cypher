// Whole map: aggregated {{type}} relations that pass the map filters, strongest first, at most $cap.
// A relation is in the period when it was last seen on/after $since and first seen on/before $until.
MATCH (a:Actor)-[r:{{type}}]->(b:Actor)
WHERE r.weight >= $min_weight
  AND r.confidence >= $min_confidence
  AND ($since IS NULL OR r.last_seen >= $since)
  AND ($until IS NULL OR r.first_seen <= $until)
RETURN a.id AS source, b.id AS target, properties(r) AS props
ORDER BY r.weight DESC, r.confidence DESC, source, target
LIMIT $cap
