// Statements of a batch with their subject, object and document.
// Parameters: $rows [{id, document_id, subject, object, props: {type, subtype, items, evidence,
// confidence, modality, negated, attributed_to, rule, sentence_index, span_start, span_end, date, pair_key}}].
UNWIND $rows AS row
MATCH (d:Document {id: row.document_id})
MATCH (a:Actor {id: row.subject})
MATCH (b:Actor {id: row.object})
MERGE (s:Statement {id: row.id})
SET s += row.props
MERGE (s)-[:SUBJECT]->(a)
MERGE (s)-[:OBJECT]->(b)
MERGE (s)-[:IN]->(d)
