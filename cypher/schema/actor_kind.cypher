// Filtering actors by kind (state, bloc, organization, group, person).
CREATE INDEX actor_kind IF NOT EXISTS FOR (a:Actor) ON (a.kind)
