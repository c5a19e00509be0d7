"""How often an everyday question that has nothing to do with careers gets a career answer (`make bench-nlu`).

    .venv/bin/python -m bench.out_of_scope [--questions bench/data/out_of_scope_heldout.txt] [--timeout 60]

Why: cross-validated F1 scores the intents on the training data's own phrasings, and a wrong intent
for "which is better, tea or coffee?" costs nothing there; in the chat it answers with a pay figure
or a role comparison, which is worse than saying nothing. This sends each question of a held-out set
(written for this project, never trained on, not to be tuned to) to the real servers, started as
`make run` starts them from models/career-advisor.tar.gz, over REST in a conversation of its own, and
sorts the replies: the scope reply (domain.yml's utter_out_of_scope or utter_not_understood), another
non-career conversational reply (greeting, thanks, "I'm a bot", capabilities, sources: acceptable,
listed apart), a clarifying question ("which one do you mean?": wrong too), an action's apology (a
career action failed: wrong too), or a career answer (anything else: a figure, a profile, a
comparison, a quiz). Stops with an error when the capabilities or sources action fails: their
replies, asked of the running bot, are what the others are told apart by. For every wrong reply it
prints the question, the NLU's intent and confidence (Rasa's HTTP API, on with a throwaway token)
and the reply's first line. It also counts held-out questions that have come within 0.8 similarity
of a training example (the larger of difflib's ratio and word overlap), which would make the figure
optimistic. Prints figures, asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import re
import secrets
import tempfile
import time
import urllib.request
import uuid
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import yaml

from bench import assistants
from bench.common import REPO, fail, machine, run_main, stop_on_sigterm
from bot.contract import APOLOGY

QUESTIONS = REPO / "bench" / "data" / "out_of_scope_heldout.txt"
MODEL = REPO / "models" / "career-advisor.tar.gz"
SCOPE_RESPONSES = ("utter_out_of_scope", "utter_not_understood")
# The domain's other replies that say nothing about careers, by the name printed for them.
CONVERSATIONAL_RESPONSES = {"greeting": "utter_greet", "goodbye": "utter_goodbye", "thanks": "utter_you_are_welcome",
                            "bot challenge": "utter_iamabot", "affirm": "utter_affirm_without_context",
                            "deny": "utter_deny_without_context", "nothing to stop": "utter_nothing_to_stop"}
# Replies built by actions, asked of the running bot by intent, so they are the served code's wording.
ACTION_REPLIES = {"capabilities": "/ask_capabilities", "sources": "/ask_sources"}
CLARIFYING = ("could mean several occupations", "Which role do you mean?")  # bot/catalogue/answers.py, bot/replies.py
FIGURE_OR_SOURCE = re.compile(r"\$\d|O\*NET-SOC|\(Source|Sources:|job zone|median", re.IGNORECASE)
NEAR_DUPLICATE = 0.8
# Wrong for a question that has nothing to do with careers: a failed action was a career action, as the
# capabilities action (the scope reply's) is checked first.
WRONG = {"career": "Career answers", "clarifying": "Clarifying questions", "action failed": "Failed actions"}


def read_questions(path: Path) -> list[str]:
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def normalized(text: str) -> str:
    """Lower case, entity markup `[text](entity)` or `[text]{...}` reduced to its text, punctuation removed."""
    text = re.sub(r"\[([^\]]*)\](\([^)]*\)|\{[^}]*\})", r"\1", text.lower())
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def training_examples(nlu: Path = REPO / "data" / "nlu") -> list[str]:
    examples = []
    for path in sorted(nlu.glob("*.yml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            if "intent" in entry:
                examples += [line[2:] for line in entry["examples"].splitlines() if line.startswith("- ")]
    return [normalized(example) for example in examples]


def closest(question: str, examples: list[str], floor: float = 0.0) -> tuple[float, str]:
    """The training example most similar to a normalized question, if at least `floor`: the larger of
    difflib's ratio and the word overlap (Jaccard). difflib's upper bounds skip the costly ratio where it
    can't beat the best so far."""
    words, matcher, best = set(question.split()), SequenceMatcher(None, b=question), (floor, "")
    for example in examples:
        other = set(example.split())
        score = len(words & other) / len(words | other) if words | other else 1.0
        matcher.set_seq1(example)
        if max(score, best[0]) <= matcher.real_quick_ratio() and max(score, best[0]) <= matcher.quick_ratio():
            score = max(score, matcher.ratio())
        best = max(best, (score, example))
    return best


def near_duplicates(questions: list[str], examples: list[str]) -> list[tuple[str, str, float]]:
    """(question, its most similar training example, similarity) for each question at or above NEAR_DUPLICATE."""
    found = []
    for question in questions:
        score, example = closest(normalized(question), examples, NEAR_DUPLICATE)
        if example:
            found.append((question, example, score))
    return found


def post(url: str, body: dict[str, Any], timeout: float) -> Any:
    request = urllib.request.Request(url, json.dumps(body).encode(), {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read() or b"null")


class Classifier:
    """Sorts a reply by the known non-career texts it is made of; whatever is left over is a career answer."""

    def __init__(self, action_replies: dict[str, str]) -> None:
        responses = yaml.safe_load((REPO / "domain.yml").read_text(encoding="utf-8"))["responses"]
        self.scope = [variant["text"] for response in SCOPE_RESPONSES for variant in responses[response]]
        self.conversational = {name: [variant["text"] for variant in responses[response]]
                               for name, response in CONVERSATIONAL_RESPONSES.items()}
        self.conversational.update({name: [text] for name, text in action_replies.items()})

    def __call__(self, reply: str) -> tuple[str, str]:
        """(kind, detail): kind is scope, conversational, clarifying, career, action failed or empty."""
        if not reply.strip():
            return "empty", ""
        if APOLOGY in reply:
            return "action failed", ""
        left, scope = reply, False
        for text in self.scope:
            scope, left = scope or text in left, left.replace(text, "")
        named = []
        for name, variants in self.conversational.items():
            for text in variants:
                if text in left:
                    named.append(name)
                    left = left.replace(text, "")
        if not left.strip():
            return ("scope", "") if scope else ("conversational", ", ".join(named))
        if any(phrase in left for phrase in CLARIFYING):
            return "clarifying", ""
        return "career", "figure or source" if FIGURE_OR_SOURCE.search(left) else "no figure"


@dataclass
class Result:
    question: str
    reply: str
    kind: str  # scope, conversational, clarifying, career, action failed or empty
    detail: str  # which conversational replies; for a career answer, whether it states a figure or a source
    intent: dict[str, Any] | None = None  # the NLU's intent, for wrong replies


def ask(url: str, message: str, timeout: float) -> str:
    """The bot's reply to one message in a new conversation, all its texts joined."""
    messages = post(url, {"sender": f"oos-{uuid.uuid4().hex}", "message": message}, timeout) or []
    return "\n".join(message.get("text", "") for message in messages)


def measure(questions: list[str], timeout: float) -> tuple[list[Result], float, float]:
    """Starts the servers, asks every question, stops them: the results, start-up seconds, asking seconds."""
    token = secrets.token_hex(16)
    with tempfile.TemporaryDirectory(prefix="bench-oos-") as tmp:
        log = Path(tmp) / "servers.log"
        running = assistants.start_ours(log, {"RASA_API_TOKEN": token})
        try:
            started = time.monotonic()
            action_replies = {name: ask(running.url, payload, timeout) for name, payload in ACTION_REPLIES.items()}
            if not all(text and APOLOGY not in text for text in action_replies.values()):
                fail(f"the action server can't answer {', '.join(ACTION_REPLIES.values())}: {action_replies}\n"
                     f"{log.read_text(errors='replace')[-3000:]}")
            classify = Classifier(action_replies)
            parse = f"{running.url.removesuffix('/webhooks/rest/webhook')}/model/parse?token={token}"
            results = []
            for question in questions:
                reply = ask(running.url, question, timeout)
                result = Result(question, reply, *classify(reply))
                if result.kind in WRONG:
                    result.intent = post(parse, {"text": question}, timeout)["intent"]
                results.append(result)
            return results, running.startup_seconds, time.monotonic() - started
        finally:
            running.stop()


def share(count: int, total: int) -> str:
    return f"{count} of {total} ({count / total:.1%})"


def report(results: list[Result]) -> None:
    total, kinds = len(results), Counter(result.kind for result in results)
    figures = sum(1 for result in results if result.kind == "career" and result.detail == "figure or source")
    print(f"Scope reply: {share(kinds['scope'], total)}")
    print(f"Other conversational reply, not a career answer: {share(kinds['conversational'], total)}")
    print(f"Empty reply: {share(kinds['empty'], total)}")
    print(f"Career answer: {share(kinds['career'], total)}, {figures} of them with a figure or a source")
    print(f"Clarifying question (\"which one do you mean?\"): {share(kinds['clarifying'], total)}")
    print(f"Action failed (the apology): {share(kinds['action failed'], total)}")
    print(f"Wrong in all (career answers, clarifying questions, failed actions): "
          f"{share(sum(kinds[kind] for kind in WRONG), total)}")
    for kind, title in WRONG.items():
        wrong = sorted((r for r in results if r.kind == kind), key=lambda r: (r.intent or {}).get("name", ""))
        if wrong:
            print(f"\n{title} (intent confidence: question -> the reply's first line):")
        for result in wrong:
            intent = result.intent or {}
            first_line = next((line for line in result.reply.splitlines() if line.strip()), "")
            print(f"  {intent.get('name')} {intent.get('confidence', 0):.2f}: {result.question!r}\n"
                  f"      -> {first_line[:160]!r}")
    other = [result for result in results if result.kind in ("conversational", "empty")]
    if other:
        print("\nOther conversational and empty replies:")
    for result in other:
        print(f"  {result.detail or result.kind}: {result.question!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--questions", type=Path, default=QUESTIONS, help="one question a line, # for comments")
    parser.add_argument("--timeout", type=float, default=60, help="seconds for each request")
    args = parser.parse_args()
    stop_on_sigterm()
    if not MODEL.exists():
        fail(f"{MODEL.relative_to(REPO)} is missing: `make train` first")
    questions = read_questions(args.questions)
    if not questions:
        fail(f"no questions in {args.questions}")
    print(f"Machine: {machine()}")
    print(f"Out-of-scope questions: {len(questions)} ({args.questions.name}), model {MODEL.relative_to(REPO)}")
    close = near_duplicates(questions, training_examples())
    print(f"Held-out questions at >= {NEAR_DUPLICATE} similarity to a training example: {len(close)}"
          + "".join(f"\n  {score:.2f} {question!r} ~ {example!r}" for question, example, score in close), flush=True)
    results, startup, asking = measure(questions, args.timeout)
    print(f"Servers up in {startup:.1f} s; {len(questions)} questions asked in {asking:.1f} s\n")
    report(results)


if __name__ == "__main__":
    run_main(main)
