// name: suppliers_of
// description: Who supplies an actor (weapons, troops, energy, money), with what, strongest first.
// param: actor string Canonical actor ID of the recipient, e.g. RUS
// param: limit integer(1..1000)=25 Maximum number of rows
MATCH (supplier:Actor)-[r:SUPPLIES]->(a:Actor {id: $actor})
RETURN supplier.id AS id, supplier.name AS name, r.items AS items, r.weight AS weight,
       r.statements AS statements, r.first_seen AS first_seen, r.last_seen AS last_seen
ORDER BY weight DESC, id
LIMIT $limit
