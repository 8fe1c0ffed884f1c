// Evidence behind aggregated relations: for each requested (key, type, source, target) the non-negated
// statements with that subject, type and object, in the period, best first, at most $per_edge each.
// Their date is the statement's time: the event date when known, else the report date.
// A PARTNERSHIP is requested in both orientations under one key.
UNWIND $pairs AS p
MATCH (a:Actor {id: p.source})<-[:SUBJECT]-(s:Statement)-[:OBJECT]->(b:Actor {id: p.target})
WHERE s.type = p.type AND NOT coalesce(s.negated, false)
OPTIONAL MATCH (s)-[:IN]->(d:Document)
WITH p, s, d, coalesce(s.event_date, s.date, d.date) AS day
WHERE ($since IS NULL OR day >= $since) AND ($until IS NULL OR day <= $until)
WITH p, s, d, day
ORDER BY s.confidence DESC, day DESC, s.id
WITH p.key AS key, count(s) AS total,
     collect({statement_id: s.id, sentence: s.evidence, confidence: s.confidence, modality: s.modality,
              date: day, document_id: d.id, title: d.title, url: d.url, source: d.source}) AS rows
RETURN key, total, rows[..$per_edge] AS evidence
