// Whether a SUPPLIES edge joins $source and $target.
MATCH (s:Actor {id: $source})-[r:SUPPLIES]->(t:Actor {id: $target})
RETURN count(r) > 0 AS exists
