// Aggregated alignment edges of one actor with the counterpart, filtered by type, direction ($outgoing null: both; symmetric types match either way), time window (edge seen in it; undated edges only without a window) and confidence; strongest first. Flat columns: few driver values to decode per row.
MATCH (a:Actor {id: $id})-[r:PARTNERSHIP|SUPPLIES|OPPOSES]-(b:Actor)
WHERE type(r) IN $types
  AND ($outgoing IS NULL OR type(r) IN $symmetric_types OR (startNode(r) = a) = $outgoing)
  AND ($since IS NULL OR r.last_seen >= $since)
  AND ($until IS NULL OR r.first_seen <= $until)
  AND ($min_confidence IS NULL OR r.confidence >= $min_confidence)
RETURN type(r) AS type, startNode(r) = a AS outgoing, b.id AS id, b.name AS name, b.kind AS kind,
       r.statements AS statements, r.documents AS documents, r.weight AS weight,
       r.confidence AS confidence, toString(r.first_seen) AS first_seen,
       toString(r.last_seen) AS last_seen, r.items AS items, r.speculative AS speculative,
       r.intensity_statements AS intensity_statements, r.intensity_sum AS intensity_sum,
       r.intensity_mean AS intensity_mean
ORDER BY r.weight DESC, b.id, type
LIMIT $limit
