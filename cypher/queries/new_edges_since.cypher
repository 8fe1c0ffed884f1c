// name: new_edges_since
// description: Alignment relations first seen on or after a date, newest first.
// param: since date First-seen date from which on relations count as new (YYYY-MM-DD)
// param: limit integer(1..1000)=50 Maximum number of rows
MATCH (s:Actor)-[r:PARTNERSHIP|SUPPLIES|OPPOSES]->(t:Actor)
WHERE r.first_seen >= $since
RETURN s.id AS source, type(r) AS type, t.id AS target, r.first_seen AS first_seen,
       r.weight AS weight, r.statements AS statements
ORDER BY first_seen DESC, weight DESC, source, target
LIMIT $limit
