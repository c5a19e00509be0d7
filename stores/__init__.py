"""Where conversations live: Rasa's own tracker and lock stores, configured from the environment.

Only this constant is imported by the action server, which stays stateless and never sees a store.
"""

# The action that deletes a person's conversation; the tracker store deletes rather than saves a
# tracker whose last turn ran it (stores/tracker.py).
FORGET_ACTION = "action_forget_me"
