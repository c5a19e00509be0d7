"""Per-message parse time, peak memory and fallback share of one trained NLU model, in a process of its own.

    .venv/bin/python -m bench.nlu_parse_cost MODEL NLU_DATA

bench/compare_nlu_configs.py runs it once per candidate, so one model's memory never counts towards
another's. Loads the model as the Rasa server does, parses every example of NLU_DATA once (counting
the ones the FallbackClassifier turns into nlu_fallback: classifiers differ in how confident they are,
and every such message gets "sorry, I didn't get that"), then times further rounds. Prints one JSON
line: fallback_share, ms_per_message and peak_rss_mb (the process's VmHWM: Rasa's imports plus the
loaded model, the same base for every candidate).
"""
from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path

TIMED_ROUNDS = 3


def peak_rss_mb() -> float:
    status = Path("/proc/self/status").read_text()
    kilobytes = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:"))
    return kilobytes / 1024


async def measure(model: str, texts: list[str]) -> dict[str, float]:
    from rasa.core.agent import Agent
    from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME

    agent = Agent.load(model)
    parses = [await agent.parse_message(text) for text in texts]
    fallbacks = sum(parse["intent"]["name"] == DEFAULT_NLU_FALLBACK_INTENT_NAME for parse in parses)
    started = time.perf_counter()
    for _ in range(TIMED_ROUNDS):
        for text in texts:
            await agent.parse_message(text)
    seconds = (time.perf_counter() - started) / (TIMED_ROUNDS * len(texts))
    return {"fallback_share": fallbacks / len(texts), "ms_per_message": seconds * 1000}


def main(model: str, nlu_data: str) -> None:
    from rasa.shared.nlu.training_data.loading import load_data

    texts = [example.get("text") for example in load_data(nlu_data).intent_examples]
    figures = asyncio.run(measure(model, texts))
    print(json.dumps({**figures, "peak_rss_mb": peak_rss_mb()}))


if __name__ == "__main__":
    main(*sys.argv[1:])
