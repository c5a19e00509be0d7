"""The domain and the action server agree on which custom actions exist."""
from pathlib import Path

import yaml
from rasa_sdk.executor import ActionExecutor

REPO = Path(__file__).resolve().parents[2]


def test_every_custom_action_in_the_domain_is_served_and_nothing_else():
    executor = ActionExecutor()
    executor.register_package("actions")
    domain_actions = set(yaml.safe_load((REPO / "domain.yml").read_text())["actions"])
    served = {name for name, run in executor.actions.items() if type(run.__self__).__module__.startswith("actions.")}
    assert served == domain_actions
