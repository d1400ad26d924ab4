"""A team leader's review of a folder of recordings: select by date, check in parallel, summarise.

The steps, each a module: ``selection`` (which recordings, dated how), ``runner`` (checks them in
a process pool), ``history`` (stored results and earlier reviews, SQLite), ``summary`` (the tables
as a model), ``redact`` (names to initials) and the writers ``text``, ``csv_out`` and ``html``.
Nothing here prints: the ``review`` command wires the steps together.
"""
