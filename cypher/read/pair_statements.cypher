// Non-negated statements between two actors in both directions and of every type ($keys: the pair keys of those edges, see store/rows.pair_key), whose time (the event's date when known, else the report's) lies within $since … $until (each bound optional); oldest first. The alignment series of a pair is computed from them.
MATCH (s:Statement)
WHERE s.pair_key IN $keys AND NOT coalesce(s.negated, false)
OPTIONAL MATCH (s)-[:IN]->(d:Document)
WITH s, d, coalesce(s.event_date, s.date, d.date) AS day
WHERE day IS NOT NULL
  AND ($since IS NULL OR day >= $since)
  AND ($until IS NULL OR day <= $until)
MATCH (x:Actor)<-[:SUBJECT]-(s)-[:OBJECT]->(y:Actor)
RETURN s {.*} AS statement, x {.id, .name, .kind} AS subject, y {.id, .name, .kind} AS object,
       d {.id, .title, .url, .date, .source, .lang} AS document
ORDER BY day, s.id
