// Aggregated {{type}} edges, filtered by source, target, time window and confidence; keyset-paginated
// by (source, target). A symmetric type ($symmetric: PARTNERSHIP, stored once per pair, lower id
// first) is matched undirected, so source and target may be given in either order.
MATCH (s:Actor)-[r:{{type}}]{{arrow}}(t:Actor)
WHERE ($source IS NULL OR s.id = $source)
  AND ($target IS NULL OR t.id = $target)
  AND (NOT $symmetric OR $source IS NOT NULL OR $target IS NOT NULL OR s.id < t.id)
  AND ($since IS NULL OR r.last_seen >= $since)
  AND ($until IS NULL OR r.first_seen <= $until)
  AND ($min_confidence IS NULL OR r.confidence >= $min_confidence)
  AND ($after_source IS NULL OR s.id > $after_source OR (s.id = $after_source AND t.id > $after_target))
RETURN s {.id, .name, .kind} AS source, t {.id, .name, .kind} AS target, properties(r) AS edge
ORDER BY s.id, t.id
LIMIT $limit
