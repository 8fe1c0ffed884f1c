// Id, name and kind of each actor in $ids (the nodes of a subgraph or a map).
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN a.id AS id, a.name AS name, a.kind AS kind
