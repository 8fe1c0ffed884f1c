// Filtering statements by relation type.
CREATE INDEX statement_type IF NOT EXISTS FOR (s:Statement) ON (s.type)
