"""The graph store: the only code that talks to Neo4j."""
