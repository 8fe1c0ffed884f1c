// Neighbourhood map: aggregated {{type}} relations touching any actor in $ids (either direction), with the map filters.
MATCH (a:Actor)
WHERE a.id IN $ids
MATCH (a)-[r:{{type}}]-(:Actor)
WITH DISTINCT r
WHERE r.weight >= $min_weight
  AND r.confidence >= $min_confidence
  AND ($since IS NULL OR r.last_seen >= $since)
  AND ($until IS NULL OR r.first_seen <= $until)
RETURN startNode(r).id AS source, endNode(r).id AS target, properties(r) AS props
ORDER BY r.weight DESC, r.confidence DESC, source, target
LIMIT $cap
