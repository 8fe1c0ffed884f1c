// Delete every node and relationship in batches (used by `graph-service db reset` and test fixtures).
MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
