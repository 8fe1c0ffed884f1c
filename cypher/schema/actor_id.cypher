// Every actor has one node, keyed by its canonical ID (ISO alpha-3, bloc or group ID).
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE
