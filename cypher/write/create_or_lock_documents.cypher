// First step of the batch transaction: create the documents the graph does not hold (with their
// properties) and take the write locks of those it holds (ids sorted), so concurrent writers of
// one document serialise here; returns what the held ones contain (created ones are not returned).
// Parameters: $rows [{id, title, url, source, date, lang, path, text_hash}] sorted by id.
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
  ON CREATE SET d.title = row.title, d.url = row.url, d.source = row.source, d.date = row.date,
                d.lang = row.lang, d.path = row.path, d.text_hash = row.text_hash,
                d.ingested_at = datetime()
  ON MATCH SET d._lock = true
WITH d
WHERE d._lock
REMOVE d._lock
RETURN d.id AS id, d.text_hash AS text_hash, d.title AS title, d.date AS date,
       d.source AS source, d.lang AS lang, d.url AS url,
       COUNT { (d)<-[:IN]-(:Statement) } AS statements
