"""Interactive alliance maps (pyvis / vis-network, inlined for offline use)."""
