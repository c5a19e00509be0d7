"""How the Rasa server is started here: Rasa's own command line with this project's speed fixes installed."""
