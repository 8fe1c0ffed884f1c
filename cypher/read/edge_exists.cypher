// Whether an edge of type $type joins $source and $target (either direction when the type is
// in $symmetric_types).
MATCH (s:Actor {id: $source})-[r:PARTNERSHIP|SUPPLIES|OPPOSES]-(t:Actor {id: $target})
WHERE type(r) = $type AND (startNode(r) = s OR $type IN $symmetric_types)
RETURN count(r) > 0 AS exists
