"""Adapters that run cleanerlib inside other engines.

Each lives in its own module and imports its engine only there, so ``import cleanerlib`` never
needs them: ``cleanerlib.integrations.datatrove`` needs ``pip install "cleanerlib[datatrove]"``.
"""
