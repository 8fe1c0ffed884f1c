// A document is keyed by a stable ID derived from its URL, or from its content.
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE
