"""The base every layer stands on: errors, today's date, bundled resources, YAML
loading, private file writing and locks. Imports nothing of prepkit above it."""
