"""Content: the clinical catalog and the words that turn a profile into a document."""
