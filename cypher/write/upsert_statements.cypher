// Statements of a batch with their subject, object and document. Properties are set one by one
// (no map): a static key list lets the planner see no read/write conflict (no Eager).
// Parameters: $rows [{id, document_id, subject, object, type, subtype, items, evidence, confidence,
// modality, negated, attributed_to, rule, sentence_index, span_start, span_end, date, pair_key}].
UNWIND $rows AS row
MERGE (s:Statement {id: row.id})
SET s.type = row.type, s.subtype = row.subtype, s.items = row.items, s.evidence = row.evidence,
    s.confidence = row.confidence, s.modality = row.modality, s.negated = row.negated,
    s.attributed_to = row.attributed_to, s.rule = row.rule, s.sentence_index = row.sentence_index,
    s.span_start = row.span_start, s.span_end = row.span_end, s.date = row.date,
    s.pair_key = row.pair_key
WITH s, row
MATCH (d:Document {id: row.document_id})
MATCH (a:Actor {id: row.subject})
MATCH (b:Actor {id: row.object})
MERGE (s)-[:SUBJECT]->(a)
MERGE (s)-[:OBJECT]->(b)
MERGE (s)-[:IN]->(d)
