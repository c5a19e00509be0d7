"""Actions that say what the bot can do and where its facts come from."""
from __future__ import annotations

from actions.base import KnowledgeReplyAction
from bot import replies


class ActionListCapabilities(KnowledgeReplyAction):
    """"What can you do?": the roles and topics the knowledge file covers."""

    compose = staticmethod(replies.capabilities)

    def name(self) -> str:
        return "action_list_capabilities"


class ActionListSources(KnowledgeReplyAction):
    """"Where does your information come from?": every source by title."""

    compose = staticmethod(replies.sources_list)

    def name(self) -> str:
        return "action_list_sources"
