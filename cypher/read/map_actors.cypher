// The actors a map shows, by id.
MATCH (a:Actor)
WHERE a.id IN $ids
RETURN a.id AS id, a.name AS name, a.kind AS kind
