"""The HTTP API (FastAPI): thin routes over the store's repository and the extractor."""
