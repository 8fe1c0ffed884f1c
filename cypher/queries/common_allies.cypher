// name: common_allies
// description: Actors aligned (partnership or supply, either direction) with both of two actors.
// param: first string Canonical actor ID, e.g. RUS
// param: second string Canonical actor ID, e.g. CHN
// param: limit integer(1..1000)=25 Maximum number of rows
MATCH (a:Actor {id: $first})-[r1:PARTNERSHIP|SUPPLIES]-(c:Actor)-[r2:PARTNERSHIP|SUPPLIES]-(b:Actor {id: $second})
WHERE c <> a AND c <> b
WITH c, sum(coalesce(r1.weight, 0.0)) AS weight_first, sum(coalesce(r2.weight, 0.0)) AS weight_second
RETURN c.id AS id, c.name AS name, c.kind AS kind, weight_first, weight_second
ORDER BY weight_first + weight_second DESC, id
LIMIT $limit
