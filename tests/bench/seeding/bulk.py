"""Insert many rows into one table fast: COPY on PostgreSQL, bulk_create elsewhere.

For rows whose ids nobody needs back (measurements, plan items, audit entries). COPY skips
building a model instance and binding parameters per row, which is most of the cost of
bulk_create at millions of rows.
"""

import json
from collections.abc import Sequence

from django.db import connection
from django.db.models import Field, JSONField, Model

Row = tuple[object, ...]


def _column(model: type[Model], name: str) -> Field:
    field = model._meta.get_field(name)
    if not isinstance(field, Field) or not field.column:
        raise ValueError(f"{name} is not a column of {model.__name__}.")
    return field


def copy_rows(
    model: type[Model], columns: Sequence[str], rows: Sequence[Row], *, batch_size: int
) -> int:
    """Insert `rows` (values in `columns` order, by attname; JSON columns as JSON text).

    Returns the number of rows. Bypasses save() and signals, like bulk_create.
    """
    fields = [_column(model, name) for name in columns]
    if connection.vendor == "postgresql":
        quote = connection.ops.quote_name
        table = quote(model._meta.db_table)
        names = ", ".join(quote(str(field.column)) for field in fields)
        sql = f"COPY {table} ({names}) FROM STDIN"
        with connection.cursor() as wrapper, wrapper.cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)
        return len(rows)
    json_at = [n for n, field in enumerate(fields) if isinstance(field, JSONField)]
    instances = []
    for row in rows:
        values = list(row)
        for n in json_at:
            values[n] = json.loads(str(values[n]))
        instances.append(model(**dict(zip(columns, values, strict=True))))
    model._default_manager.bulk_create(instances, batch_size=batch_size)
    return len(rows)
