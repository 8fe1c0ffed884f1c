// name: allies_of
// description: Actors in a partnership (alliance, treaty, declared backing) with an actor, strongest first.
// param: actor string Canonical actor ID, e.g. RUS
// param: min_weight number(0..1000000)=0 Only partnerships at least this strong
// param: limit integer(1..1000)=25 Maximum number of rows
MATCH (a:Actor {id: $actor})-[r:PARTNERSHIP]-(b:Actor)
WHERE coalesce(r.weight, 0.0) >= $min_weight
RETURN b.id AS id, b.name AS name, b.kind AS kind, r.weight AS weight, r.statements AS statements,
       r.documents AS documents, r.first_seen AS first_seen, r.last_seen AS last_seen
ORDER BY weight DESC, id
LIMIT $limit
