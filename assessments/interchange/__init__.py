"""The assessment interchange document (JSON, version 1): format, parser, schema, import."""
