// The non-negated statements of each pair in $keys (statement pair_key), with their document:
// the input of an edge's recomputation (rows.edge_deltas). Parameters: $keys.
UNWIND $keys AS key
MATCH (s:Statement {pair_key: key})-[:IN]->(d:Document)
WHERE NOT coalesce(s.negated, false)
RETURN key, d.id AS document_id, s.confidence AS confidence, s.modality AS modality,
       coalesce(s.event_date, s.date) AS when, s.items AS items, s.intensity AS intensity
