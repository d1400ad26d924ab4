"""The reflection rules (R01-R04): is the analysis framed as opinion, grounded, child-focused, and
does it pick up the concerns raised earlier?"""
