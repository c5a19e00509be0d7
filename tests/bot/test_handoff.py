"""The hand-off's wording and note: what goes to counsellors is what the person saw, bounded."""
from bot import handoff
from bot.handoff import Contact, Line, Note


def test_an_email_address_is_found_in_a_sentence_and_nonsense_is_not_one():
    assert handoff.email_in("sure, it's jo.smith+careers@example.co.uk thanks") == "jo.smith+careers@example.co.uk"
    assert handoff.email_in("jo at example dot com") is None
    assert handoff.email_in("a@b") is None
    assert handoff.email_in("one@example.com or two@example.com") is None  # which one? ask again


def test_reply_here_is_offered_only_where_a_counsellor_can_reply():
    assert handoff.can_reply_here("slack")
    assert not handoff.can_reply_here("rest") and not handoff.can_reply_here("socketio")
    assert "Slack" in handoff.contact_question("slack") and "Slack" not in handoff.contact_question("rest")


def test_the_transcript_shows_a_pressed_button_by_its_title_and_keeps_the_last_messages():
    events = [{"event": "user", "text": f"question {number}"} for number in range(20)]
    events += [
        {"event": "bot", "text": "Which role?", "data": {"buttons": [{"title": "Project manager", "payload": '/ask_role{"role": "project manager"}'}]}},
        {"event": "user", "text": '/ask_role{"role": "project manager"}', "parse_data": {"intent": {"name": "ask_role"}}},
        {"event": "slot", "name": "roles", "value": ["project manager"]},
        {"event": "bot", "text": "Project managers plan… " + "word " * 200},
    ]
    lines = handoff.transcript(events, limit=4)
    assert [line.speaker for line in lines] == ["person", "bot", "person", "bot"]
    assert lines[0].text == "question 19" and lines[2].text == "Project manager"
    assert len(lines[3].text) <= handoff.MESSAGE_CHARS + 1 and lines[3].text.endswith("…")
    assert all("ask_role" not in line.text and "roles" not in line.text for line in lines)


def test_the_request_is_suggested_from_what_went_unanswered_else_the_last_question():
    assert handoff.suggested_request(["what does a dragon tamer do", "asdf"], ["hi"]) == "what does a dragon tamer do / asdf"
    assert handoff.suggested_request([], ["hi", "how do I become a nurse?"]) == "how do I become a nurse?"
    assert handoff.suggested_request([], ["/greet"]) is None


def test_the_note_names_request_contact_channel_and_messages():
    note = Note("moving into nursing", Contact(email="jo@example.com"), "rest", "abc-123",
                (Line("person", "what do nurses earn?"), Line("bot", "Registered nurses: $93,600 …")))
    text = note.text()
    assert "Help wanted with: moving into nursing" in text and "Email: jo@example.com" in text
    assert "Channel: rest" in text and "Person: what do nurses earn?" in text and "Bot: Registered nurses" in text
    assert "abc-123" not in text  # an email contact needs no conversation id
    slack = Note("pay", Contact(channel="slack"), "slack", "U0001", ())
    assert "<@U0001>" in slack.text()


def test_nothing_configured_is_said_plainly_with_the_operators_contact_line():
    assert "no counsellor is connected" in handoff.unavailable(None) and "nothing was sent" in handoff.unavailable(None)
    assert handoff.unavailable("careers@school.example, 0123 456789").endswith("careers@school.example, 0123 456789")
