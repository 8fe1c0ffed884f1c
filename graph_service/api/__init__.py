"""The HTTP API (FastAPI): thin routes over the store's read port and the extractor."""
