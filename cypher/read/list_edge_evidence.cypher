// The statements behind one aggregated edge (by the indexed pair_key: subject|TYPE|object, PARTNERSHIP lower id first) with their documents, newest first; keyset-paginated by (day, statement id).
MATCH (s:Statement {pair_key: $pair_key})
WHERE $include_negated OR NOT coalesce(s.negated, false)
MATCH (x:Actor)<-[:SUBJECT]-(s)-[:OBJECT]->(y:Actor)
OPTIONAL MATCH (s)-[:IN]->(d:Document)
WITH s, x, y, d, coalesce(toString(coalesce(s.date, d.date)), $no_date) AS day
WHERE $after_day IS NULL OR day < $after_day OR (day = $after_day AND s.id > $after_id)
RETURN s {.*} AS statement, x {.id, .name, .kind} AS subject, y {.id, .name, .kind} AS object,
       d {.id, .title, .url, .date, .source, .lang} AS document
ORDER BY day DESC, s.id
LIMIT $limit
