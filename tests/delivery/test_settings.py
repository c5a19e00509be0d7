"""Which hand-off destinations are on, from the environment alone, and what `make run` says about them."""
from delivery.handoff import HandoffSettings, Mailbox, SlackChannel


def test_each_destination_is_on_only_with_everything_it_needs():
    env = {"HANDOFF_SLACK_CHANNEL": "C0COUNSEL", "SLACK_BOT_TOKEN": "xoxb-1", "HANDOFF_EMAIL_TO": "a@school.example, b@school.example",
           "SMTP_URL": "smtp://mail.school.example:587", "HANDOFF_CONTACT": "Room 12, Mon-Fri"}
    settings = HandoffSettings.from_env(env)
    assert settings.destinations == (SlackChannel("C0COUNSEL", "xoxb-1"),
                                     Mailbox(("a@school.example", "b@school.example"), "smtp://mail.school.example:587"))
    assert settings.contact_line == "Room 12, Mon-Fri"
    assert settings.summary() == "Hand-off to counsellors: Slack and email"


def test_a_half_configured_destination_is_off_and_named():
    settings = HandoffSettings.from_env({"HANDOFF_SLACK_CHANNEL": "C0COUNSEL", "HANDOFF_EMAIL_TO": "a@school.example"})
    assert settings.destinations == ()
    assert "off" in settings.summary() and "SLACK_BOT_TOKEN" in settings.summary() and "SMTP_URL" in settings.summary()
