"""The rules, one module each, grouped by family. The engine discovers them."""
