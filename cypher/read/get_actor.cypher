// One actor with its number of edges and statements per relation type and direction (outgoing: the actor is the start node).
MATCH (a:Actor {id: $id})
OPTIONAL MATCH (a)-[r:PARTNERSHIP|SUPPLIES|OPPOSES|LEADS]-(:Actor)
WITH a, type(r) AS type, startNode(r) = a AS outgoing, count(r) AS edges,
     sum(coalesce(r.statements, 0)) AS statements
ORDER BY type, outgoing
RETURN a {.*} AS actor,
       collect(CASE WHEN type IS NULL THEN null
                    ELSE {type: type, outgoing: outgoing, edges: edges, statements: statements} END) AS counts
