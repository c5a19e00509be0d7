"""Where conversations live: Rasa's own tracker and lock stores, configured from the environment."""
