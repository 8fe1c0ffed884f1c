// Actor search by any name or alias (lowercased list property).
CREATE INDEX actor_search_names IF NOT EXISTS FOR (a:Actor) ON (a.search_names)
