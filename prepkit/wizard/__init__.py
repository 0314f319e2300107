"""The wizard: asks the patient, section by section, and saves their profile."""
