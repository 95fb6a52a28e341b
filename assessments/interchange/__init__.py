"""The assessment interchange document (JSON, versions 1 and 2): format, parser, schema, import."""
