// Every alignment edge that passes the filters (types, period, weight, confidence), as flat columns (few driver values per row; the whole graph of /graph and of the map).
MATCH (a:Actor)-[r:PARTNERSHIP|SUPPLIES|OPPOSES]->(b:Actor)
WHERE type(r) IN $types
  AND ($since IS NULL OR r.last_seen >= $since)
  AND ($until IS NULL OR r.first_seen <= $until)
  AND coalesce(r.weight, 0.0) >= $min_weight
  AND ($min_confidence IS NULL OR r.confidence >= $min_confidence)
RETURN a.id AS source, b.id AS target, type(r) AS type, r.statements AS statements,
       r.documents AS documents, r.weight AS weight, r.confidence AS confidence,
       toString(r.first_seen) AS first_seen, toString(r.last_seen) AS last_seen, r.items AS items,
       r.speculative AS speculative, r.intensity_statements AS intensity_statements,
       r.intensity_sum AS intensity_sum, r.intensity_mean AS intensity_mean
ORDER BY r.weight DESC, r.confidence DESC, a.id, b.id
LIMIT $limit
