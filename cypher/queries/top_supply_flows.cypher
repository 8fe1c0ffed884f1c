// name: top_supply_flows
// description: The strongest supply relations (supplier to recipient) in the graph, optionally only those seen since a date.
// param: since date? Only flows last seen on or after this date (YYYY-MM-DD)
// param: limit integer(1..1000)=20 Maximum number of rows
MATCH (s:Actor)-[r:SUPPLIES]->(t:Actor)
WHERE $since IS NULL OR r.last_seen >= $since
RETURN s.id AS supplier, t.id AS recipient, r.items AS items, r.weight AS weight,
       r.statements AS statements, r.documents AS documents, r.first_seen AS first_seen, r.last_seen AS last_seen
ORDER BY weight DESC, supplier, recipient
LIMIT $limit
