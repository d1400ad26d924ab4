"""Phrasing rules (P01-P06): spaCy patterns in rules/phrasing/ plus the judgement in each module."""
