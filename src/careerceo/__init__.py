"""Career CEO: run your career the way a CEO runs a company."""

__version__ = "0.1.0"
