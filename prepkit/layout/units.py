"""Lengths: layout data is in millimetres, ReportLab draws in points."""

MM = 72 / 25.4  # points per millimetre
