// Create actors that statements name but the catalog does not know (name = id, kind organization),
// and take their write locks in id order, so aggregated edges are never created twice.
// Parameters: $ids (sorted list of actor ids), $unknown_kind.
UNWIND $ids AS id
MERGE (a:Actor {id: id})
  ON CREATE SET a.name = id, a.kind = $unknown_kind, a.names_de = [], a.names_en = [],
                a.aliases = [], a.search_names = [toLower(id)]
SET a._lock = true
REMOVE a._lock
