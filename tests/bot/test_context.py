"""Which roles a turn is about: named now, carried over, or all of them for a comparison."""
from bot.context import MessageRoles, roles_in_message, roles_to_compare, subject_role, subject_roles
from bot.knowledge import load_knowledge
from bot.resolve import RoleResolver

knowledge = load_knowledge()
resolver = RoleResolver(knowledge)


def ids(subject):
    return [role.id for role in subject.roles]


def test_entities_and_text_are_combined_without_repeats():
    message = roles_in_message(resolver, ["PM"], "compare the PM and a tech expert")
    assert message.known == ("project_manager", "technical_expert")


def test_unresolvable_entities_are_kept_as_unknown():
    message = roles_in_message(resolver, ["astronaut"], "what does an astronaut earn")
    assert message.unknown == ("astronaut",) and message.known == ()


def test_a_follow_up_without_a_role_reuses_the_roles_under_discussion():
    assert ids(subject_roles(knowledge, MessageRoles(), ["project_manager"])) == ["project_manager"]
    assert ids(subject_role(knowledge, MessageRoles(), ["implementation_specialist", "project_manager"])) == ["project_manager"]


def test_a_named_role_replaces_the_one_under_discussion():
    message = MessageRoles(known=("technical_expert",))
    assert ids(subject_role(knowledge, message, ["project_manager"])) == ["technical_expert"]


def test_an_unknown_role_is_reported_not_replaced_by_context():
    subject = subject_role(knowledge, MessageRoles(unknown=("nurse",)), ["project_manager"])
    assert subject.roles == [] and subject.unanswerable.unknown == ("nurse",)


def test_comparison_with_nothing_named_or_discussed_covers_every_role():
    assert ids(roles_to_compare(knowledge, MessageRoles(), [])) == list(knowledge.roles)


def test_comparison_with_one_role_named_adds_the_one_under_discussion():
    message = MessageRoles(known=("project_manager",))
    assert ids(roles_to_compare(knowledge, message, ["technical_expert"])) == ["project_manager", "technical_expert"]


def test_comparison_keeps_the_two_roles_under_discussion():
    previous = ["implementation_specialist", "project_manager"]
    assert ids(roles_to_compare(knowledge, MessageRoles(), previous)) == previous
