// Actors for the landing page's search suggestions, at most $cap.
MATCH (a:Actor)
RETURN a.id AS id, a.name AS name, a.kind AS kind
ORDER BY a.name
LIMIT $cap
