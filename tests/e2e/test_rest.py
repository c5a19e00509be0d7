"""End to end: the real Rasa and action servers, started as `make run` starts them, spoken to over REST."""
import pytest


def test_greeting(servers, sender):
    assert "career advisor" in servers.texts(sender, "hello there")


def test_role_question_then_follow_ups_keep_context(servers, sender):
    assert "plan, organize and direct" in servers.texts(sender, "what does a PM do?")
    assert "$87,628" in servers.texts(sender, "how much do they earn?")
    assert "$61,287" in servers.texts(sender, "and implementation specialists?")
    assert "bachelor's degree in computer science" in servers.texts(sender, "what qualifications do they need?")


def test_which_pays_more_and_how_much_more(servers, sender):
    reply = servers.texts(sender, "which pays more, a project manager or an implementation specialist?")
    assert reply.startswith("Project managers earn more") and "$87,628" in reply and "$61,287" in reply
    reply = servers.texts(sender, "how much more?")
    assert "$26,341" in reply and "43%" in reply and "Implementation Specialist vs. Project Manager" in reply


def test_missing_salary_is_admitted(servers, sender):
    reply = servers.texts(sender, "how much does a technical expert make?")
    assert "I don't have a salary figure for technical experts" in reply and "$" not in reply


def test_difference_between_pm_and_technical_expert(servers, sender):
    reply = servers.texts(sender, "what's the difference between a project manager and a technical expert?")
    assert "Project managers vs technical experts" in reply and "Project Manager vs. Technical Expert" in reply


def test_misspelled_role(servers, sender):
    assert "$87,628" in servers.texts(sender, "how much does a projct manger earn")


def test_a_role_neither_the_articles_nor_the_catalogue_have_is_admitted(servers, sender):
    reply = servers.texts(sender, "how much does an astronaut earn?")
    assert "I don't know “astronaut”" in reply and "occupations in my catalogue" in reply and "$" not in reply


def test_out_of_scope_says_what_it_can_do(servers, sender):
    reply = servers.texts(sender, "what's the weather like in paris tomorrow?")
    assert "I know implementation specialists, project managers and technical experts in detail" in reply
    assert "occupations I have pay" in reply and "quiz me on my interests" in reply


def test_button_payload_is_understood(servers, sender):
    assert "plan, organize and direct" in servers.texts(sender, '/ask_role{"role": "project manager"}')


@pytest.mark.parametrize(
    "odd",
    ["", "   ", "x" * 1000, ("what does a PM do? " * 60)[:1000], "🙂🚀🔥", "¿Cuánto gana un gerente de proyectos?",
     "<script>alert('hi')</script>", "<b>what</b> does a <i>PM</i> do?"],
    ids=["empty", "blank", "1000-one-word", "1000-words", "emoji", "spanish", "script", "markup"],
)
def test_odd_input_gets_a_reply_without_markup_and_the_next_message_works(servers, sender, odd):
    replies = servers.say(sender, odd)
    assert replies, "the bot said nothing"
    text = "\n".join(reply.get("text", "") for reply in replies)
    assert "<script" not in text and "<b>" not in text
    assert "$87,628" in servers.texts(sender, "how much does a project manager earn?")
