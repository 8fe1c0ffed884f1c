// Inside the batch transaction: create missing document nodes and take their write locks (ids sorted),
// then return what they held, so concurrent writers of the same document serialise here.
// Parameters: $ids (sorted list of document ids).
UNWIND $ids AS id
MERGE (d:Document {id: id})
SET d._lock = true
REMOVE d._lock
RETURN d.id AS id, d.text_hash AS text_hash, d.title AS title, d.date AS date,
       d.source AS source, d.lang AS lang, d.url AS url,
       COUNT { (d)<-[:IN]-(:Statement) } AS statements
