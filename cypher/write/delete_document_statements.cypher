// Remove the statements of documents being replaced (their edges are recomputed afterwards).
// Parameters: $ids.
UNWIND $ids AS id
MATCH (:Document {id: id})<-[:IN]-(s:Statement)
DETACH DELETE s
