"""The role knowledge file: its schema, and loading it with validation.

Everything the bot states about a role comes from here. A broken file fails at load time with a
message naming the file, the role and the field, so a bad edit never reaches a user.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Mapping, TypeVar

import yaml

DEFAULT_PATH = Path(__file__).parent / "knowledge" / "roles.yml"

UNKNOWN = "unknown"
PAY_TRAIT = "pay"  # a quiz trait computed from the salaries, not listed under traits
FACT_LIST_ATTRIBUTES = ("duties", "works_with", "requirements", "certifications", "work_environment", "travel")
ATTRIBUTES = FACT_LIST_ATTRIBUTES + ("skills", "salary", "salary_factors")
CATALOGUE_CODE = re.compile(r"\d\d-\d{4}\.\d\d")  # O*NET-SOC, e.g. 13-1082.00


class KnowledgeError(ValueError):
    """The knowledge file does not follow the schema."""


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    short: str
    seed: str


@dataclass(frozen=True)
class Fact:
    text: str
    source: str


@dataclass(frozen=True)
class Skill:
    skill: str
    text: str
    source: str

    @property
    def label(self) -> str:
        return self.skill.replace("_", " ").capitalize()


@dataclass(frozen=True)
class Salary:
    amount: int
    currency: str
    period: str
    basis: str
    source: str


@dataclass(frozen=True)
class SalaryFactors:
    factors: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Role:
    """A role the bot knows in detail. An attribute that is None is unknown: no source gives it."""

    id: str
    name: str
    plural: str
    synonyms: tuple[str, ...]  # every way people name it, name and plural included, in lower case
    abbreviations: tuple[str, ...]  # matched only as written ("IS", never "is")
    summary: Fact
    duties: tuple[Fact, ...] | None
    works_with: tuple[Fact, ...] | None
    requirements: tuple[Fact, ...] | None
    certifications: tuple[Fact, ...] | None
    work_environment: tuple[Fact, ...] | None
    travel: tuple[Fact, ...] | None
    skills: tuple[Skill, ...] | None
    salary: Salary | None
    salary_factors: SalaryFactors | None
    catalogue_code: str | None = None  # the O*NET-SOC occupation that stands in for it in BLS comparisons

    def knows(self, attribute: str) -> bool:
        return getattr(self, attribute) is not None


@dataclass(frozen=True)
class TechnicalVerdict:
    role: str
    text: str
    source: str


@dataclass(frozen=True)
class Relation:
    """What one source says about a pair of roles together."""

    roles: frozenset[str]
    differences: tuple[Fact, ...]
    overlap: tuple[Fact, ...]
    choosing: tuple[Fact, ...]
    combining: tuple[Fact, ...]
    more_technical: TechnicalVerdict | None


@dataclass(frozen=True)
class TraitLink:
    role: str
    weight: int
    because: str
    source: str


@dataclass(frozen=True)
class Trait:
    """Something a person may enjoy, and the roles a source connects it with."""

    id: str
    label: str
    links: tuple[TraitLink, ...]

    def link(self, role_id: str) -> TraitLink | None:
        return next((link for link in self.links if link.role == role_id), None)


DEFAULT_LEVEL_LABELS = {"yes": "Yes", "somewhat": "Somewhat", "no": "Not really"}


@dataclass(frozen=True)
class QuizQuestion:
    """One quiz question: answered yes/somewhat/no about its traits, or by picking one of its choices."""

    id: str
    ask: str
    labels: Mapping[str, str]  # answer -> button title
    traits: tuple[str, ...] = ()
    choices: Mapping[str, tuple[str, ...]] | None = None


@dataclass(frozen=True)
class Knowledge:
    sources: Mapping[str, Source]
    roles: Mapping[str, Role]
    relations: tuple[Relation, ...]
    traits: Mapping[str, Trait]
    quiz: tuple[QuizQuestion, ...] = ()

    def relation(self, first: str, second: str) -> Relation | None:
        pair = frozenset((first, second))
        return next((relation for relation in self.relations if relation.roles == pair), None)

    def relations_of(self, role_ids: list[str]) -> list[Relation]:
        """Relations between any two of the given roles, in file order."""
        wanted = set(role_ids)
        return [relation for relation in self.relations if relation.roles <= wanted]


T = TypeVar("T")


class Reader:
    """Reads one part of a knowledge file's raw YAML, and names where it is when something is wrong."""

    def __init__(self, path: Path, where: str, source_ids: set[str], error: type[KnowledgeError] = KnowledgeError) -> None:
        self.path = path
        self.where = where
        self.source_ids = source_ids
        self.error = error

    def fail(self, field: str, problem: str) -> KnowledgeError:
        return self.error(f"{self.path}: {self.where}, field '{field}': {problem}")

    def mapping(self, value: Any, field: str) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.fail(field, f"expected a mapping, got {type(value).__name__}")
        return value

    def text(self, data: Mapping[str, Any], key: str, field: str | None = None) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(field or key, f"'{key}' is missing or empty")
        return value.strip()

    def source(self, data: Mapping[str, Any], field: str) -> str:
        value = data.get("source")
        if value not in self.source_ids:
            raise self.fail(field, f"source {value!r} is not one of the listed sources {sorted(self.source_ids)}")
        return value

    def items(self, value: Any, field: str, read_item: Callable[[Mapping[str, Any], str], T]) -> tuple[T, ...]:
        if not isinstance(value, list) or not value:
            raise self.fail(field, f"expected a non-empty list or '{UNKNOWN}'")
        return tuple(read_item(self.mapping(item, field), field) for item in value)

    def fact(self, data: Mapping[str, Any], field: str) -> Fact:
        return Fact(text=self.text(data, "text", field), source=self.source(data, field))

    def facts(self, value: Any, field: str) -> tuple[Fact, ...]:
        return self.items(value, field, self.fact)

    def optional_facts(self, value: Any, field: str) -> tuple[Fact, ...]:
        return () if value is None else self.facts(value, field)

    def or_unknown(self, data: Mapping[str, Any], field: str, read: Callable[[Any, str], T]) -> T | None:
        if field not in data:
            raise self.fail(field, f"missing (write '{UNKNOWN}' when no source gives it)")
        value = data[field]
        return None if value == UNKNOWN else read(value, field)

    def names(self, data: Mapping[str, Any]) -> tuple[str, str, tuple[str, ...]]:
        name, plural = self.text(data, "name"), self.text(data, "plural")
        synonyms = data.get("synonyms", [])
        if not isinstance(synonyms, list) or not all(isinstance(s, str) and s.strip() for s in synonyms):
            raise self.fail("synonyms", "expected a list of non-empty strings")
        return name, plural, tuple(dict.fromkeys(s.strip().lower() for s in [name, plural, *synonyms]))


def _read_skill(reader: Reader, data: Mapping[str, Any], field: str) -> Skill:
    return Skill(
        skill=reader.text(data, "skill", field), text=reader.text(data, "text", field), source=reader.source(data, field)
    )


def _read_salary(reader: Reader, value: Any, field: str) -> Salary:
    data = reader.mapping(value, field)
    amount = data.get("amount")
    if not isinstance(amount, int) or isinstance(amount, bool) or amount <= 0:
        raise reader.fail(field, f"amount must be a positive whole number, got {amount!r}")
    return Salary(
        amount=amount,
        currency=reader.text(data, "currency"),
        period=reader.text(data, "period"),
        basis=reader.text(data, "basis"),
        source=reader.source(data, field),
    )


def _read_salary_factors(reader: Reader, value: Any, field: str) -> SalaryFactors:
    data = reader.mapping(value, field)
    factors = data.get("factors")
    if not isinstance(factors, list) or not factors or not all(isinstance(f, str) for f in factors):
        raise reader.fail(field, "factors must be a non-empty list of strings")
    return SalaryFactors(factors=tuple(factors), source=reader.source(data, field))


def _read_catalogue_code(reader: Reader, data: Mapping[str, Any]) -> str | None:
    code = data.get("catalogue_code")
    if code is not None and not (isinstance(code, str) and CATALOGUE_CODE.fullmatch(code)):
        raise reader.fail("catalogue_code", f"expected an O*NET-SOC code like 13-1082.00, got {code!r}")
    return code


def _read_role(reader: Reader, role_id: str, data: Mapping[str, Any]) -> Role:
    name, plural, synonyms = reader.names(data)
    fact_lists = {field: reader.or_unknown(data, field, reader.facts) for field in FACT_LIST_ATTRIBUTES}
    abbreviations = data.get("abbreviations", [])
    if not isinstance(abbreviations, list) or not all(isinstance(a, str) and a.strip() for a in abbreviations):
        raise reader.fail("abbreviations", "expected a list of non-empty strings")
    return Role(
        id=role_id,
        name=name,
        plural=plural,
        synonyms=synonyms,
        abbreviations=tuple(a.strip() for a in abbreviations),
        summary=reader.fact(reader.mapping(data.get("summary"), "summary"), "summary"),
        skills=reader.or_unknown(
            data, "skills", lambda value, field: reader.items(value, field, lambda item, _: _read_skill(reader, item, field))
        ),
        salary=reader.or_unknown(data, "salary", lambda value, field: _read_salary(reader, value, field)),
        salary_factors=reader.or_unknown(
            data, "salary_factors", lambda value, field: _read_salary_factors(reader, value, field)
        ),
        catalogue_code=_read_catalogue_code(reader, data),
        **fact_lists,
    )


def _read_relation(reader: Reader, data: Mapping[str, Any], role_ids: set[str]) -> Relation:
    roles = data.get("roles")
    if not isinstance(roles, list) or len(roles) != 2 or not set(roles) <= role_ids or roles[0] == roles[1]:
        raise reader.fail("roles", f"expected two different known roles, got {roles!r}")
    verdict = None
    if "more_technical" in data:
        raw = reader.mapping(data["more_technical"], "more_technical")
        if raw.get("role") not in roles:
            raise reader.fail("more_technical", f"role must be one of {roles}")
        verdict = TechnicalVerdict(
            role=raw["role"], text=reader.text(raw, "text", "more_technical"), source=reader.source(raw, "more_technical")
        )
    return Relation(
        roles=frozenset(roles),
        differences=reader.optional_facts(data.get("differences"), "differences"),
        overlap=reader.optional_facts(data.get("overlap"), "overlap"),
        choosing=reader.optional_facts(data.get("choosing"), "choosing"),
        combining=reader.optional_facts(data.get("combining"), "combining"),
        more_technical=verdict,
    )


def _read_trait(reader: Reader, trait_id: str, data: Mapping[str, Any], role_ids: set[str]) -> Trait:
    links = []
    for role_id, raw in reader.mapping(data.get("roles"), "roles").items():
        if role_id not in role_ids:
            raise reader.fail("roles", f"unknown role {role_id!r}")
        link = reader.mapping(raw, f"roles.{role_id}")
        weight = link.get("weight")
        if weight not in (1, 2, 3):
            raise reader.fail(f"roles.{role_id}.weight", f"expected 1, 2 or 3, got {weight!r}")
        links.append(
            TraitLink(
                role=role_id,
                weight=weight,
                because=reader.text(link, "because"),
                source=reader.source(link, f"roles.{role_id}"),
            )
        )
    return Trait(id=trait_id, label=reader.text(data, "label"), links=tuple(links))


def parse_knowledge(raw: Any, path: Path) -> Knowledge:
    """Builds Knowledge from the parsed YAML, raising KnowledgeError on the first schema violation."""
    top = Reader(path, "top level", set())
    raw = top.mapping(raw, "(file)")
    sources: dict[str, Source] = {}
    for source_id, data in top.mapping(raw.get("sources"), "sources").items():
        reader = Reader(path, f"source '{source_id}'", set())
        data = reader.mapping(data, "sources")
        sources[source_id] = Source(
            id=source_id, title=reader.text(data, "title"), short=reader.text(data, "short"), seed=reader.text(data, "seed")
        )
    source_ids = set(sources)

    roles = {
        role_id: _read_role(Reader(path, f"role '{role_id}'", source_ids), role_id, top.mapping(data, role_id))
        for role_id, data in top.mapping(raw.get("roles"), "roles").items()
    }
    role_ids = set(roles)
    relations = tuple(
        _read_relation(Reader(path, f"relation #{index + 1}", source_ids), top.mapping(data, "relations"), role_ids)
        for index, data in enumerate(raw.get("relations", []))
    )
    traits = {
        trait_id: _read_trait(Reader(path, f"trait '{trait_id}'", source_ids), trait_id, top.mapping(data, trait_id), role_ids)
        for trait_id, data in top.mapping(raw.get("traits", {}), "traits").items()
    }
    _check_unique_synonyms(path, list(roles.values()))
    quiz = tuple(
        _read_question(Reader(path, f"quiz question #{index + 1}", source_ids), top.mapping(data, "quiz"), set(traits))
        for index, data in enumerate(raw.get("quiz", []))
    )
    return Knowledge(sources=sources, roles=roles, relations=relations, traits=traits, quiz=quiz)


def _read_question(reader: Reader, data: Mapping[str, Any], trait_ids: set[str]) -> QuizQuestion:
    known = trait_ids | {PAY_TRAIT}

    def trait_list(value: Any, field: str) -> tuple[str, ...]:
        if not isinstance(value, list) or not set(value) <= known:
            raise reader.fail(field, f"expected a list of traits from {sorted(known)}, got {value!r}")
        return tuple(value)

    question_id, ask = reader.text(data, "id"), reader.text(data, "ask")
    if "choices" in data:
        choices = {name: reader.mapping(choice, f"choices.{name}") for name, choice in reader.mapping(data["choices"], "choices").items()}
        return QuizQuestion(
            question_id,
            ask,
            labels={name: reader.text(choice, "label", f"choices.{name}") for name, choice in choices.items()},
            choices={name: trait_list(choice.get("traits"), f"choices.{name}.traits") for name, choice in choices.items()},
        )
    traits = trait_list(data.get("traits"), "traits")
    if not traits:
        raise reader.fail("traits", "a question needs traits or choices")
    labels = {**DEFAULT_LEVEL_LABELS, **reader.mapping(data.get("labels", {}), "labels")}
    if set(labels) != set(DEFAULT_LEVEL_LABELS):
        raise reader.fail("labels", f"expected labels for {sorted(DEFAULT_LEVEL_LABELS)}")
    return QuizQuestion(question_id, ask, labels=labels, traits=traits)


def _check_unique_synonyms(path: Path, roles: list[Role]) -> None:
    owner: dict[str, str] = {}
    for role in roles:
        for synonym in role.synonyms:
            if owner.setdefault(synonym, role.id) != role.id:
                raise KnowledgeError(
                    f"{path}: role '{role.id}', field 'synonyms': {synonym!r} already names role '{owner[synonym]}'"
                )


def read_yaml(path: Path, error: type[KnowledgeError] = KnowledgeError) -> Any:
    """A knowledge file's parsed YAML; a file that isn't valid YAML raises `error` naming it."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as problem:
        raise error(f"{path}: not valid YAML: {problem}") from problem


def load_knowledge(path: Path | str = DEFAULT_PATH) -> Knowledge:
    path = Path(path)
    return parse_knowledge(read_yaml(path), path)


@lru_cache(maxsize=1)
def default_knowledge() -> Knowledge:
    """The shipped knowledge file, loaded once per process."""
    return load_knowledge(DEFAULT_PATH)
