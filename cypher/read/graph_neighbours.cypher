// Actors one step from any of $ids over alignment edges that pass the filters (types, period, weight, confidence) (one breadth-first step of a neighbourhood).
UNWIND $ids AS id
MATCH (a:Actor {id: id})-[r:PARTNERSHIP|SUPPLIES|OPPOSES]-(b:Actor)
WHERE type(r) IN $types
  AND ($since IS NULL OR r.last_seen >= $since)
  AND ($until IS NULL OR r.first_seen <= $until)
  AND coalesce(r.weight, 0.0) >= $min_weight
  AND ($min_confidence IS NULL OR r.confidence >= $min_confidence)
RETURN DISTINCT b.id AS id
LIMIT $limit
