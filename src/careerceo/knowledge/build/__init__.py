"""Compile the raw O*NET and ESCO releases into the bundled artifact (build time only).

Nothing here runs inside the app; ``scripts/build_knowledge.py`` drives it, and tests use it to
check that the committed artifact is reproducible from ``../shared``.
"""
