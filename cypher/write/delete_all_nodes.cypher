// Delete up to $batch nodes (after delete_everything removed every relationship).
MATCH (n)
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
