// Persons get the :Person label and a LEADS edge to the actor they lead (stale LEADS removed).
// Parameters: $rows [{id, state, role}] (persons only; state may be null), $state_kind.
UNWIND $rows AS row
MATCH (p:Actor {id: row.id})
SET p:Person
WITH p, row
OPTIONAL MATCH (p)-[old:LEADS]->(other:Actor)
WHERE row.state IS NULL OR other.id <> row.state
DELETE old
WITH DISTINCT p, row
WHERE row.state IS NOT NULL
MERGE (st:Actor {id: row.state})
  ON CREATE SET st.name = row.state, st.kind = $state_kind, st.names_de = [], st.names_en = [],
                st.aliases = [], st.search_names = [toLower(row.state)]
MERGE (p)-[l:LEADS]->(st)
SET l.role = row.role
