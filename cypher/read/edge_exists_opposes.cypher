// Whether a OPPOSES edge joins $source and $target.
MATCH (s:Actor {id: $source})-[r:OPPOSES]->(t:Actor {id: $target})
RETURN count(r) > 0 AS exists
