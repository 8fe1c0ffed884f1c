// How much the graph holds, for the landing page.
CALL { MATCH (a:Actor) RETURN count(a) AS actors }
CALL { MATCH (d:Document) RETURN count(d) AS documents }
CALL { MATCH (s:Statement) RETURN count(s) AS statements }
RETURN actors, documents, statements
