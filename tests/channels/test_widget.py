"""The chat page in real headless Chromium (Debian's, driven by Selenium and its chromedriver) against
the real servers: greeting, a question, a quick-reply button, a reload that keeps the conversation,
a chart shown in the conversation, and nothing fetched from outside this machine.

`make screenshot` runs the chart test with UPDATE_SCREENSHOT=1: it writes README's picture of the widget."""
from __future__ import annotations

import io
import json
import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PIL import Image
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync")
WAIT_SECONDS = 60
SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "pay-comparison.png"


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    with tempfile.TemporaryDirectory() as profile:
        options.add_argument(f"--user-data-dir={profile}")
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        driver.set_page_load_timeout(WAIT_SECONDS)
        yield driver
        driver.quit()


def conversation(browser) -> str:
    return browser.find_element(By.ID, "rw-messages").text


def wait_for_text(browser, text: str) -> None:
    WebDriverWait(browser, WAIT_SECONDS).until(
        lambda driver: text in conversation(driver), f"{text!r} never appeared in the chat")


def type_message(browser, text: str) -> None:
    box = WebDriverWait(browser, WAIT_SECONDS).until(
        lambda driver: next(iter(driver.find_elements(By.CSS_SELECTOR, "textarea.rw-new-message:enabled")), None),
        "the message box never became usable")
    box.send_keys(text, Keys.ENTER)


def requested_hosts(browser) -> set[str]:
    """Hosts of every http(s) and WebSocket request the page made (from Chromium's network log)."""
    hosts = set()
    for entry in browser.get_log("performance"):
        event = json.loads(entry["message"])["message"]
        url = (event["params"].get("request", {}).get("url") if event["method"] == "Network.requestWillBeSent"
               else event["params"].get("url") if event["method"] == "Network.webSocketCreated" else None)
        if url and urlsplit(url).scheme in ("http", "https", "ws", "wss"):
            hosts.add(urlsplit(url).hostname)
    return hosts


def test_chat_page_greets_answers_takes_button_clicks_and_survives_a_reload(browser, channel_servers):
    browser.get(channel_servers.web_url)
    wait_for_text(browser, "I'm a career advisor")

    type_message(browser, "what do they do?")
    button = WebDriverWait(browser, WAIT_SECONDS).until(
        lambda driver: next((reply for reply in driver.find_elements(By.CSS_SELECTOR, ".rw-reply")
                             if reply.text == "Project manager"), None),
        "no 'Project manager' quick reply")
    button.click()
    wait_for_text(browser, "plan, organize and direct")

    type_message(browser, "how much does an implementation specialist earn?")
    wait_for_text(browser, "$61,287")

    before = conversation(browser)
    browser.refresh()
    wait_for_text(browser, "$61,287")
    assert conversation(browser).startswith(before)
    # The server kept the conversation too: "and project managers?" is still about pay.
    type_message(browser, "and project managers?")
    wait_for_text(browser, "$87,628")

    assert requested_hosts(browser) == {"127.0.0.1"}, "the page fetched something from outside this machine"


def shown_charts(browser) -> list[dict]:
    """The conversation's images that have loaded: their address, decoded width and alt text."""
    return browser.execute_script(
        "return [...document.querySelectorAll('#rw-messages img.rw-image-frame')]"
        ".filter(image => image.complete && image.naturalWidth > 0)"
        ".map(image => ({src: image.src, width: image.naturalWidth, alt: image.alt}));")


def test_a_pay_comparison_shows_its_chart_in_the_conversation(browser, channel_servers, tmp_path):
    browser.set_window_size(560, 1000)
    browser.get(channel_servers.web_url)
    wait_for_text(browser, "I'm a career advisor")
    type_message(browser, "which pays more, a software developer, a registered nurse or an electrician?")
    wait_for_text(browser, "Software Developers earn more")
    [chart] = WebDriverWait(browser, WAIT_SECONDS).until(
        lambda driver: [chart for chart in shown_charts(driver) if urlsplit(chart["src"]).path == "/charts/pay"],
        "the chart never appeared in the conversation")
    assert chart["width"] == 720
    assert chart["alt"].startswith("Bar chart of median pay a year, highest first: Software Developers")

    browser.execute_script("document.querySelector('.rw-messages-container').scrollTop = 1e6;")
    picture = Image.open(io.BytesIO(browser.find_element(By.ID, "webchat").screenshot_as_png))
    small = picture.convert("RGB").quantize(colors=64)  # README's copy stays small
    small.save(SCREENSHOT if os.environ.get("UPDATE_SCREENSHOT") else tmp_path / SCREENSHOT.name, optimize=True)
    assert picture.width >= 480
    assert requested_hosts(browser) == {"127.0.0.1"}, "the page fetched something from outside this machine"
