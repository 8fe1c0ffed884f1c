// Statements of a batch with their subject, object and document. Every statement written is new:
// its document was created in this transaction, or its old statements were deleted first (ids
// are per document), so MERGE on the constrained id creates it and its three relationships are
// CREATEd (a MERGE would look for relationships a new node cannot have). Properties are set one
// by one (no map): a static key list lets the planner see no read/write conflict (no Eager).
// Parameters: $rows [{id, document_id, subject, object, type, subtype, items, evidence, confidence,
// modality, negated, attributed_to, rule, sentence_index, span_start, span_end, date, date_kind,
// event_date, event_date_end, date_text, intensity, quad_class, pair_key}] (intensity and
// quad_class are null for a negated statement).
UNWIND $rows AS row
MATCH (d:Document {id: row.document_id})
MATCH (a:Actor {id: row.subject})
MATCH (b:Actor {id: row.object})
MERGE (s:Statement {id: row.id})
SET s.type = row.type, s.subtype = row.subtype, s.items = row.items, s.evidence = row.evidence,
    s.confidence = row.confidence, s.modality = row.modality, s.negated = row.negated,
    s.attributed_to = row.attributed_to, s.rule = row.rule, s.sentence_index = row.sentence_index,
    s.span_start = row.span_start, s.span_end = row.span_end, s.date = row.date,
    s.date_kind = row.date_kind, s.event_date = row.event_date, s.event_date_end = row.event_date_end,
    s.date_text = row.date_text, s.intensity = row.intensity, s.quad_class = row.quad_class,
    s.pair_key = row.pair_key
CREATE (s)-[:SUBJECT]->(a), (s)-[:OBJECT]->(b), (s)-[:IN]->(d)
