"""Helpers shared by the whole test suite: clocks, desks, volunteers, workbooks, processes.

Fixtures built on them live in tests/conftest.py; plain helpers are imported from here.
"""
