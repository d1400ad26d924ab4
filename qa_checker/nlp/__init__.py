"""The NLP layer: one spaCy pipeline per process, a cheap pass over everything the writer wrote,
and the parser only on the sentences a rule must judge."""
