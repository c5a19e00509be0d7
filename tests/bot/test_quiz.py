"""Quiz replies are read whether clicked, typed or volunteered."""
from bot.knowledge import load_knowledge
from bot.quiz import NO, SOMEWHAT, YES, read_reply, trait_levels, volunteered

knowledge = load_knowledge()


def read(asked, text="", plain=None, likes=(), dislikes=(), choice=None):
    return read_reply(knowledge, asked, text, plain, set(likes), set(dislikes), choice)


def test_a_plain_answer_answers_the_question_asked():
    assert read("planning", "kind of", plain=SOMEWHAT) == {"planning": SOMEWHAT}


def test_volunteered_likes_and_dislikes_answer_their_own_questions():
    assert volunteered(knowledge, {"technical_work"}, {"leading"}) == {"technical": YES, "people": NO}


def test_i_would_rather_code_answers_the_asked_question_no_and_technical_yes():
    assert read("planning", "i'd rather code", likes={"technical_work"}) == {"technical": YES, "planning": NO}


def test_a_change_of_mind_mid_quiz_updates_the_other_answer_too():
    assert read("teaching", "yes, and actually i do like leading teams", plain=YES, likes={"leading"}) == {
        "people": YES, "teaching": YES,
    }


def test_a_choice_question_takes_only_its_choices():
    assert read("preparation", choice="business") == {"preparation": "business"}
    assert read("preparation", "yes", plain=YES) == {}


def test_an_unreadable_reply_answers_nothing():
    assert read("pay", "banana") == {}


def test_levels_follow_the_knowledge_files_quiz_section():
    levels = trait_levels(knowledge, {"technical": YES, "people": NO, "pay": SOMEWHAT, "preparation": "technical"})
    assert levels == {"technical_work": 1.0, "problem_solving": 1.0, "leading": -1.0, "communicating": -1.0,
                      "travel": -1.0, "pay": 0.5, "technical_preparation": 1.0}
