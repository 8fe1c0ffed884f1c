// Resolve what a user typed ($query, and $lowered in lower case) to one actor: exact id or name first, then any
// known name, then a name containing it; shortest name wins among equals.
MATCH (a:Actor)
WHERE a.id = $query
   OR toLower(a.id) = $lowered
   OR toLower(a.name) CONTAINS $lowered
   OR any(n IN coalesce(a.search_names, []) WHERE toLower(n) CONTAINS $lowered)
WITH a,
     CASE
       WHEN a.id = $query OR toLower(a.id) = $lowered OR toLower(a.name) = $lowered THEN 0
       WHEN any(n IN coalesce(a.search_names, []) WHERE toLower(n) = $lowered) THEN 1
       WHEN toLower(a.name) STARTS WITH $lowered THEN 2
       ELSE 3
     END AS rank
RETURN a.id AS id, a.name AS name, a.kind AS kind
ORDER BY rank, size(a.name), a.id
LIMIT 1
