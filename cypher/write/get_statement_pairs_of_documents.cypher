// The (subject, type, object) keys of the statements stored for documents about to be replaced:
// their aggregated edges are recomputed after the replacement. Parameters: $ids.
UNWIND $ids AS id
MATCH (:Document {id: id})<-[:IN]-(s:Statement)
MATCH (s)-[:SUBJECT]->(a:Actor)
MATCH (s)-[:OBJECT]->(b:Actor)
RETURN DISTINCT s.type AS type, a.id AS subject, b.id AS object
