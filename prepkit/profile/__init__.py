"""Profile: the patient's saved answers, read from YAML and checked against the schema."""
