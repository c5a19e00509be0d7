"""Hand-off and `make report` end to end: conversations driven over REST through the real servers, kept
in a real PostgreSQL tracker store; the counsellors' email received by a real SMTP server on loopback
(aiosmtpd), their Slack note by the Web API stand-in; then the report built from that store, and its
page rendered by headless Chromium (`make report-screenshot` keeps that picture for README)."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
from PIL import Image

from bot import handoff
from serving.local import REPO, Servers, start_servers
from tests.channels.standins import SlackApi
from tests.mail import Inbox
from tests.persistence.databases import Postgres

SLACK_TOKEN = "xoxb-report-test"
COUNSELLORS_CHANNEL = "C0COUNSEL"
GIBBERISH = "zxqv blorf wuggle"
FORGOTTEN = "qwzx plimf snorgle"


@pytest.fixture(scope="module")
def postgres() -> Postgres:
    database = Postgres()
    database.create()
    yield database
    database.remove()


@pytest.fixture(scope="module")
def inbox() -> Inbox:
    with Inbox() as running:
        yield running


@pytest.fixture(scope="module")
def slack_api() -> SlackApi:
    api = SlackApi(SLACK_TOKEN)
    yield api
    api.close()


@pytest.fixture(scope="module")
def servers(tmp_path_factory, postgres, inbox, slack_api) -> Servers:
    env = {"TRACKER_STORE_URL": postgres.url, "HANDOFF_EMAIL_TO": "counsellors@school.example", "SMTP_URL": inbox.url,
           "HANDOFF_SLACK_CHANNEL": COUNSELLORS_CHANNEL, "SLACK_BOT_TOKEN": SLACK_TOKEN, "SLACK_API_URL": slack_api.api_url}
    running = start_servers(tmp_path_factory.mktemp("report-servers") / "run.log", env)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def conversations(servers, inbox, slack_api) -> dict[str, list[str]]:
    """Four conversations, one of them forgotten; the bot's replies to each message."""
    scripts = {
        "stuck-then-handed-off": [GIBBERISH, "what does a dragon tamer do?", "/request_human", "/affirm",
                                  "you can write to jo.smith@example.com", "/affirm"],
        "asked-then-cancelled": ["what does a dragon tamer do?", "I'd like to talk to a person", "stop"],
        "quiz-left": ["which career is right for me?", "yes", "stop"],
        "forgotten": [FORGOTTEN, "can a human help me?", "forget me", "/affirm"],
    }
    return {sender: [servers.texts(sender, message) for message in messages] for sender, messages in scripts.items()}


def test_two_misses_in_a_row_bring_the_offer_and_the_note_reaches_email_and_slack(conversations, inbox, slack_api):
    replies = conversations["stuck-then-handed-off"]
    assert "outside what I can help with" in replies[0] and handoff.OFFER not in replies[0]
    assert "I don't know “dragon tamer”" in replies[1] and handoff.OFFER in replies[1]
    assert f"From our conversation: “{GIBBERISH} / what does a dragon tamer do?”" in replies[2]
    assert handoff.ASK_CONTACT_EMAIL in replies[3]  # REST: no "reply here"
    assert "They'll reach you: jo.smith@example.com" in replies[4]
    assert "A counsellor will write to you at jo.smith@example.com" in replies[5] and "Slack and email" in replies[5]

    mail = inbox.wait_for(lambda message: message["Reply-To"] == "jo.smith@example.com")
    [post] = slack_api.wait_for("chat.postMessage", lambda params: params.get("channel") == COUNSELLORS_CHANNEL)
    for note in (mail.get_content(), post.params["text"]):
        assert f"Help wanted with: {GIBBERISH} / what does a dragon tamer do?" in note
        assert "Person: what does a dragon tamer do?" in note and "Bot: I don't know “dragon tamer”" in note
        assert "Channel: rest" in note and "request_human" not in note  # a pressed button shows as its title
        assert "Person: Talk to a person" in note


def test_cancel_sends_nothing_and_forget_me_forgets_the_pending_hand_off(conversations, inbox, slack_api):
    assert "cancelled that; nothing was sent" in conversations["asked-then-cancelled"][2]
    forgotten = conversations["forgotten"]
    assert "deleted our conversation" in forgotten[2]
    assert "Shall I send it?" not in forgotten[3] and "Done: your note" not in forgotten[3]
    assert len(inbox.messages) == 1
    assert len(slack_api.matching("chat.postMessage", lambda params: params.get("channel") == COUNSELLORS_CHANNEL)) == 1


@pytest.fixture(scope="module")
def report(conversations, postgres, tmp_path_factory) -> tuple[str, str]:
    """`make report` for today, on the store the servers used: its terminal summary and its page."""
    today = datetime.now(timezone.utc).date().isoformat()
    page = tmp_path_factory.mktemp("report") / "report.html"
    env = {**os.environ, "TRACKER_STORE_URL": postgres.url}
    result = subprocess.run([sys.executable, "-m", "reports", "--from", today, "--to", today, "--out", str(page)],
                            cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout, page.read_text()


def test_the_report_counts_what_the_bot_could_not_answer_and_leaves_out_the_forgotten(report):
    summary, page = report
    # 6 + 3 + 3 messages, and of the forgotten conversation only what came after "forget me": a fresh one.
    assert "Conversations" in summary and ": 4, messages: 13" in summary
    assert "Not answered: 3 of 13 messages (23%)" in summary
    assert "<td>what does a dragon tamer do?</td><td>unknown occupation</td><td class=\"n\">2</td>" in page
    assert f"<td>{GIBBERISH}</td><td>fell back</td><td class=\"n\">1</td>" in page
    assert FORGOTTEN not in page and "forgotten" not in summary
    assert "jo.smith@example.com" not in page  # a form's answer is no miss, and the page lists only misses
    assert "<td>Career quiz</td><td class=\"n\">1</td><td class=\"n\">0</td><td>quiz_planning (1)</td>" in page
    assert "Hand-offs: 2 asked for, 1 confirmed" in summary


def test_the_report_page_renders_in_headless_chromium(report, tmp_path):
    _, page = report
    html = tmp_path / "report.html"
    html.write_text(page)
    picture = tmp_path / "report.png"
    subprocess.run(["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--window-size=900,1250", f"--screenshot={picture}", html.as_uri()],
                   check=True, capture_output=True, timeout=120)
    image = Image.open(picture)
    assert image.size == (900, 1250) and len(image.getcolors(1 << 20) or []) > 2  # drawn, not blank
    wanted = os.environ.get("REPORT_SCREENSHOT")
    if wanted:  # `make report-screenshot`: README's picture, in 64 colours to stay small
        image.convert("RGB").quantize(64).save(REPO / wanted, optimize=True)
