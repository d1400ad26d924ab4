"""The Family Time Agreement's rules (A01, A03; closure days are H04), per trust in rules/policy.toml."""
