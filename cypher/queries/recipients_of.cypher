// name: recipients_of
// description: Whom an actor supplies (weapons, troops, energy, money), with what, strongest first.
// param: actor string Canonical actor ID of the supplier, e.g. PRK
// param: limit integer(1..1000)=25 Maximum number of rows
MATCH (a:Actor {id: $actor})-[r:SUPPLIES]->(recipient:Actor)
RETURN recipient.id AS id, recipient.name AS name, r.items AS items, r.weight AS weight,
       r.statements AS statements, r.first_seen AS first_seen, r.last_seen AS last_seen
ORDER BY weight DESC, id
LIMIT $limit
