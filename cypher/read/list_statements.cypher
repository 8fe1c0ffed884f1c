// Statements filtered by subject, object, either side (actor), type, document, date window (on the statement's time: its event date when known, else the report's), confidence, modality and negation; keyset-paginated by id.
MATCH (x:Actor)<-[:SUBJECT]-(s:Statement)-[:OBJECT]->(y:Actor)
WHERE ($after IS NULL OR s.id > $after)
  AND ($type IS NULL OR s.type = $type)
  AND ($subject IS NULL OR x.id = $subject)
  AND ($object IS NULL OR y.id = $object)
  AND ($actor IS NULL OR x.id = $actor OR y.id = $actor)
  AND ($min_confidence IS NULL OR s.confidence >= $min_confidence)
  AND ($modality IS NULL OR s.modality = $modality)
  AND ($negated IS NULL OR coalesce(s.negated, false) = $negated)
OPTIONAL MATCH (s)-[:IN]->(d:Document)
WITH s, x, y, d, coalesce(s.event_date, s.date, d.date) AS day
WHERE ($document IS NULL OR d.id = $document)
  AND ($since IS NULL OR day >= $since)
  AND ($until IS NULL OR day <= $until)
RETURN s {.*} AS statement, x {.id, .name, .kind} AS subject, y {.id, .name, .kind} AS object,
       d {.id, .title, .url, .date, .source, .lang} AS document
ORDER BY s.id
LIMIT $limit
