// Delete the aggregated {{type}} edges of pairs about to be recomputed (their remaining
// statements are added back by add_edges). Parameters: $pairs [{a, b}].
UNWIND $pairs AS p
MATCH (:Actor {id: p.a})-[r:{{type}}]->(:Actor {id: p.b})
DELETE r
