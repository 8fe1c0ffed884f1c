// What is stored for these document ids (before writing anything): unchanged documents are skipped.
// Parameters: $ids (list of document ids).
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, d.text_hash AS text_hash, d.title AS title, d.date AS date,
       d.source AS source, d.lang AS lang, d.url AS url,
       COUNT { (d)<-[:IN]-(:Statement) } AS statements
