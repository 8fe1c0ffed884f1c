// What changed within $since … $until ($until optional): the pairs of actors with at least one non-negated statement in the window (with $actor_prefix 'ID|' and $actor_suffix '|ID': only statements whose pair key has that actor at one end), then every non-negated statement between each such pair (both directions, every type in $types; $sep is the pair-key separator) with time on or before $until. Time: the event's date when known, else the report's (write/upsert_statements sets s.date to the document's date).
MATCH (s:Statement)
WHERE NOT coalesce(s.negated, false)
  AND ($actor_prefix IS NULL OR s.pair_key STARTS WITH $actor_prefix
       OR s.pair_key ENDS WITH $actor_suffix)
WITH s.pair_key AS active, coalesce(s.event_date, s.date) AS day
WHERE day >= $since AND ($until IS NULL OR day <= $until)
WITH DISTINCT active
WITH split(active, $sep) AS parts
WHERE parts[0] <> parts[2]
WITH DISTINCT CASE WHEN parts[0] < parts[2] THEN [parts[0], parts[2]]
                   ELSE [parts[2], parts[0]] END AS pair
UNWIND $types AS type
UNWIND CASE WHEN type IN $symmetric_types THEN [pair] ELSE [pair, [pair[1], pair[0]]] END AS ends
WITH ends[0] + $sep + type + $sep + ends[1] AS key
MATCH (t:Statement {pair_key: key})
WHERE NOT coalesce(t.negated, false)
WITH t, key, coalesce(t.event_date, t.date) AS day
WHERE day IS NOT NULL AND ($until IS NULL OR day <= $until)
MATCH (a:Actor)<-[:SUBJECT]-(t)-[:OBJECT]->(b:Actor)
RETURN t.id AS id, t.type AS type, a {.id, .name, .kind} AS subject,
       b {.id, .name, .kind} AS object, day, t.confidence AS confidence,
       t.modality AS modality, t.intensity AS intensity, key
ORDER BY day, id
