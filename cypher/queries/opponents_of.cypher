// name: opponents_of
// description: Who opposes an actor (war, attacks, sanctions, hostility, condemnation), strongest first.
// param: actor string Canonical actor ID of the target, e.g. UKR
// param: limit integer(1..1000)=25 Maximum number of rows
MATCH (opponent:Actor)-[r:OPPOSES]->(a:Actor {id: $actor})
RETURN opponent.id AS id, opponent.name AS name, opponent.kind AS kind, r.weight AS weight,
       r.statements AS statements, r.first_seen AS first_seen, r.last_seen AS last_seen
ORDER BY weight DESC, id
LIMIT $limit
