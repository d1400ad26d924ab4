"""Scaling rules: an overall and a per-child 0-10 scaling, each in range, reasoned and with a next step."""
