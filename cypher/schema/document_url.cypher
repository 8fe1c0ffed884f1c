// Lookup of a document by URL, to replace a changed article in place.
CREATE INDEX document_url IF NOT EXISTS FOR (d:Document) ON (d.url)
