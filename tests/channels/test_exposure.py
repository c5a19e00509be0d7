"""What the running servers expose beyond the channels: nothing, unless configured."""
from __future__ import annotations

import json
import urllib.error
import urllib.request



def listening_addresses(port: int) -> set[str]:
    """IPv4 addresses with a listening TCP socket on `port` (from /proc/net/tcp)."""
    addresses = set()
    with open("/proc/net/tcp") as table:
        for row in list(table)[1:]:
            local, state = row.split()[1], row.split()[3]
            address, port_hex = local.split(":")
            if state == "0A" and int(port_hex, 16) == port:
                addresses.add(".".join(str(int(address[i:i + 2], 16)) for i in (6, 4, 2, 0)))
    return addresses


def test_action_server_and_chat_page_listen_on_loopback_only(channel_servers):
    assert listening_addresses(channel_servers.actions_port) == {"127.0.0.1"}
    assert listening_addresses(channel_servers.web_port) == {"127.0.0.1"}


def test_rasa_http_api_is_off_without_a_token(channel_servers):
    for path in ("/status", "/conversations/someone/tracker", "/version"):
        try:
            status = urllib.request.urlopen(f"{channel_servers.rasa_url}{path}", timeout=10).status
        except urllib.error.HTTPError as error:
            status = error.code
        assert status == 404, path


def test_no_web_page_may_call_the_rest_channel(channel_servers):
    body = json.dumps({"sender": "cors-probe", "message": "hello"}).encode()
    url = f"{channel_servers.rasa_url}/webhooks/rest/webhook"
    for origin in ("http://evil.example", channel_servers.web_url):
        request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json", "Origin": origin})
        with urllib.request.urlopen(request, timeout=60) as response:
            assert "Access-Control-Allow-Origin" not in response.headers
