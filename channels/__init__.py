"""Channels beyond REST: the web widget (socket.io), Slack and Telegram.

Each connector is a small subclass of Rasa's own, fixing what Rasa 3.6.21 gets wrong for this
deployment; `settings` turns the environment into the credentials file that enables only the
channels whose secrets are present; `web` serves the chat page.
"""
