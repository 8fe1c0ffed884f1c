// Actors whose name or alias (any language, lowercased in search_names) contains $q, optionally of one kind; keyset-paginated by id.
MATCH (a:Actor)
WHERE ($after IS NULL OR a.id > $after)
  AND ($kind IS NULL OR a.kind = $kind)
  AND ($q IS NULL OR a.id = toUpper($q) OR any(n IN coalesce(a.search_names, []) WHERE n CONTAINS $q))
RETURN a {.*} AS actor
ORDER BY a.id
LIMIT $limit
