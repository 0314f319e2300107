"""Layout: geometry, fonts and styles, and the step from template output to PDF."""
