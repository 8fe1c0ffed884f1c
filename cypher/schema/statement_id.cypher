// Statement IDs are deterministic (document + sentence + subject, type, object): re-ingest cannot duplicate.
CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (s:Statement) REQUIRE s.id IS UNIQUE
