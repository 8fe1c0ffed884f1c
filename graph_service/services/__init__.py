"""Use cases the CLI and the API share: ingest (read -> extract -> write) and exports.

Above the store and the extractor, below the API, the maps and the CLI.
"""
