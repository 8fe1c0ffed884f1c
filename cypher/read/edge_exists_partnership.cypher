// Whether a PARTNERSHIP edge joins $source and $target (either direction: the relation is symmetric).
MATCH (s:Actor {id: $source})-[r:PARTNERSHIP]-(t:Actor {id: $target})
RETURN count(r) > 0 AS exists
