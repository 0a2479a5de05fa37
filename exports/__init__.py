"""Pure exporters and importers: a result in, bytes out (Excel and JSON come with later issues)."""
