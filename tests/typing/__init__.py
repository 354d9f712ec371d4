"""Files for mypy only: how users see the package's types."""
