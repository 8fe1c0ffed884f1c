// Delete up to $batch relationships; `graph-service db reset` and the test fixtures repeat
// it until it deletes nothing, then delete the nodes (delete_all_nodes). Bounded
// transactions: one `CALL { DETACH DELETE n } IN TRANSACTIONS` over all nodes exceeded
// db.memory.transaction.max on a graph of 270,000 nodes, and so does a batch of nodes that
// holds the hub actors with all their relationships.
MATCH ()-[r]->()
WITH r LIMIT $batch
DELETE r
RETURN count(*) AS deleted
