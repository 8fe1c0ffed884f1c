// Non-negated statements between one actor ($id, either side) and any other actor, whose time (the event's date when known, else the report's: write/upsert_statements sets s.date to the document's date) is on or before $until (optional); light rows for the actor's alignment with each counterpart.
MATCH (:Actor {id: $id})<-[:SUBJECT|OBJECT]-(s:Statement)
WHERE NOT coalesce(s.negated, false)
WITH s, coalesce(s.event_date, s.date) AS day
WHERE day IS NOT NULL AND ($until IS NULL OR day <= $until)
MATCH (x:Actor)<-[:SUBJECT]-(s)-[:OBJECT]->(y:Actor)
WHERE x <> y
RETURN s.id AS id, s.type AS type, x {.id, .name, .kind} AS subject,
       y {.id, .name, .kind} AS object, day, s.confidence AS confidence,
       s.modality AS modality, s.intensity AS intensity, s.pair_key AS key
ORDER BY day, id
