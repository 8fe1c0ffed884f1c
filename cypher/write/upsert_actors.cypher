// Actors from the catalog (idempotent). Parameters: $rows [{id, name, kind, names_de, names_en,
// aliases, search_names, state, role}].
UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
SET a.name = row.name, a.kind = row.kind, a.names_de = row.names_de, a.names_en = row.names_en,
    a.aliases = row.aliases, a.search_names = row.search_names, a.state = row.state,
    a.role = row.role
