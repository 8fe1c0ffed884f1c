// Statements of one aggregated edge (subject|TYPE|object; PARTNERSHIP with the lower id first), to recompute it.
CREATE INDEX statement_pair IF NOT EXISTS FOR (s:Statement) ON (s.pair_key)
