"""python -m graph_service.extract [--format jsonl|table] PATH...: same as the CLI."""

from graph_service.cli.extract_cmd import main

main()
