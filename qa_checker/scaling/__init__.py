"""The scaling parser: every 0-10 scaling in a recording, tied to the overall or a child, with
whether it gives a reason and a next step. Rules SC01-SC07 and the terminal report read it."""

from __future__ import annotations

from qa_checker.scaling.parser import parse_scaling
from qa_checker.scaling.result import Found, ScalingResult, report_rows

__all__ = ["parse_scaling", "Found", "ScalingResult", "report_rows"]
