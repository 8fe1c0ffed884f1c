// Aggregated alignment edges of one actor with the counterpart, filtered by type, direction ($outgoing null: both; symmetric types match either way), time window (edge seen in it; undated edges only without a window) and confidence; strongest first.
MATCH (a:Actor {id: $id})-[r:PARTNERSHIP|SUPPLIES|OPPOSES]-(b:Actor)
WHERE type(r) IN $types
  AND ($outgoing IS NULL OR type(r) IN $symmetric_types OR (startNode(r) = a) = $outgoing)
  AND ($since IS NULL OR r.last_seen >= $since)
  AND ($until IS NULL OR r.first_seen <= $until)
  AND ($min_confidence IS NULL OR r.confidence >= $min_confidence)
RETURN type(r) AS type, startNode(r) = a AS outgoing, b {.id, .name, .kind} AS counterpart,
       properties(r) AS edge
ORDER BY r.weight DESC, b.id, type
LIMIT $limit
