// Month by month, how many non-negated statements stand behind each edge in $keys (the
// statements' indexed pair_key) within the period [$since, $until]: the map's time slider.
// A statement's month is that of its time, the event date when known, else the report date;
// undated statements are left out. Returns one row per key with [month, statements] pairs.
UNWIND $keys AS key
MATCH (s:Statement {pair_key: key})
WHERE NOT coalesce(s.negated, false)
OPTIONAL MATCH (s)-[:IN]->(d:Document)
WITH key, coalesce(s.event_date, s.date, d.date) AS day
WHERE day IS NOT NULL AND ($since IS NULL OR day >= $since) AND ($until IS NULL OR day <= $until)
WITH key, left(toString(day), 7) AS month, count(*) AS statements
ORDER BY key, month
RETURN key, collect([month, statements]) AS months
