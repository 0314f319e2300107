"""prepkit: prepare for a systemic mastocytosis specialist visit.

The package is laid out as the pipeline it runs:
answers (``profile``) -> content (``content``) -> layout (``layout``) -> PDF.
"""

__version__ = "0.1.0"
