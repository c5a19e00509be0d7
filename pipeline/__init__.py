"""Custom Rasa NLU components (adapters over bot/)."""
