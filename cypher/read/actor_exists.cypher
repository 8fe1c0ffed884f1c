// The ids among $ids that name an actor (404 checks).
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN a.id AS id
