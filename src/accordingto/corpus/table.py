"""One findings table: its name, title, column names and rows, as the findings queries return it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Table:
    """One findings table: column names and rows."""

    name: str
    title: str
    columns: list[str]
    rows: list[tuple]

    def to_dicts(self) -> list[dict]:
        return [dict(zip(self.columns, row)) for row in self.rows]

    def column(self, name: str) -> list:
        i = self.columns.index(name)
        return [row[i] for row in self.rows]

    def row(self, **where) -> dict:
        """The one row whose columns have these values."""
        for d in self.to_dicts():
            if all(d.get(k) == v for k, v in where.items()):
                return d
        raise KeyError(f"no row {where} in {self.name}")
