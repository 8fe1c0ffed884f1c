// name: alignment_path
// description: Shortest chain of cooperation (partnership or supply, either direction) linking two actors, up to 6 steps.
// param: source string Canonical actor ID where the path starts, e.g. PRK
// param: target string Canonical actor ID where the path ends, e.g. IRN
MATCH (a:Actor {id: $source}), (b:Actor {id: $target})
MATCH p = shortestPath((a)-[:PARTNERSHIP|SUPPLIES*..6]-(b))
RETURN [n IN nodes(p) | n.id] AS actors,
       [r IN relationships(p) | {type: type(r), source: startNode(r).id, target: endNode(r).id, weight: r.weight}] AS steps,
       length(p) AS length
