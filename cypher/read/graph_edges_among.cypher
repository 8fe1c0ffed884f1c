// Alignment edges between actors of $ids that pass the filters, with both endpoints (the edges of a /graph neighbourhood).
MATCH (a:Actor)-[r:PARTNERSHIP|SUPPLIES|OPPOSES]->(b:Actor)
WHERE a.id IN $ids AND b.id IN $ids
  AND type(r) IN $types
  AND ($since IS NULL OR r.last_seen >= $since)
  AND ($until IS NULL OR r.first_seen <= $until)
  AND coalesce(r.weight, 0.0) >= $min_weight
RETURN a {.id, .name, .kind} AS source, b {.id, .name, .kind} AS target, type(r) AS type, properties(r) AS edge
ORDER BY r.weight DESC, a.id, b.id
LIMIT $limit
