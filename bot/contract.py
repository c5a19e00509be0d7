"""What the layers around Rasa must agree on: the Rasa server's channels/ and stores/, and the action
server's actions/, which must not import each other.

Kept in the lowest layer all of them import, and importing nothing: the Rasa server reads these
without loading the knowledge or the catalogue.
"""

# Said when answering a message fails, by an action or by a channel whose handling broke.
APOLOGY = "Sorry, I can't look that up right now. Please try again in a moment."
# The action that confirms "forget me"; the tracker store deletes the conversation when it stores it.
FORGET_ACTION = "action_forget_me"


class StoreUnavailable(BaseException):
    """The tracker store's database can't be read or written: raised by stores/, answered by channels/.

    A BaseException, not an Exception, so that it passes Rasa's own handlers (stores/tracker.py says which).
    """
