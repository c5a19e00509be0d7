#!/usr/bin/env bash
# Starts the action server, the Rasa server and the chat page server, and stays in the foreground.
# Ctrl-C or SIGTERM stops every process it started.
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_PORT="${RASA_PORT:-5005}" ACTIONS_PORT="${ACTIONS_PORT:-5055}" WEB_PORT="${WEB_PORT:-8080}"
# Where Slack, Telegram and the widget fetch charts from the chat page server (actions build the addresses).
export PUBLIC_URL="${PUBLIC_URL:-http://localhost:$WEB_PORT}"
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1
BIN=.venv/bin
# Channels on = credentials.yml + those whose secrets are in the environment. One file per port, so
# servers started side by side (tests, `make run`) don't read each other's; removed on exit.
credentials="var/credentials-$RASA_PORT.yml"
# Stores likewise (TRACKER_STORE_URL, LOCK_STORE_URL, ACTION_ENDPOINT_URL; stores/settings.py).
endpoints="var/endpoints-$RASA_PORT.yml"
pids=() rasa_group=
# True while a process of Rasa's group is left that may still hold its port: any but a zombie (which
# `kill -0` would count until something reaps it, seconds in a container).
rasa_group_left() {
  local stat line fields
  for stat in /proc/[0-9]*/stat; do
    { read -r line < "$stat"; } 2>/dev/null || continue  # gone since the listing
    fields=(${line##*) })  # state, parent, group: after the command name, which may hold spaces
    [ "${fields[2]}" = "$rasa_group" ] && [ "${fields[0]}" != Z ] && return 0
  done
  return 1
}
# True as soon as no process of Rasa's group is left (its port is free then), false after $1 tenths of a second.
rasa_ends_within() {
  for _ in $(seq "$1"); do rasa_group_left || return 0; sleep 0.1; done
  return 1
}
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  # Rasa's workers too, even when their parent died (a crash leaves them serving, orphaned).
  if [ -n "$rasa_group" ]; then
    kill -TERM -- "-$rasa_group" 2>/dev/null || true
    # A worker still loading its model ignores SIGTERM: whatever is left after 10 s is killed.
    ( sleep 10; kill -KILL -- "-$rasa_group" 2>/dev/null ) &
    watchdog=$!
    wait "$rasa_group" 2>/dev/null || true  # Rasa's main process ends after its workers
    # Workers orphaned by a crash may wait on open connections first (Sanic's graceful shutdown): killed
    # after 5 s, and waited for until their port is free.
    rasa_ends_within 50 || { kill -KILL -- "-$rasa_group" 2>/dev/null; rasa_ends_within 50; } || true
    kill "$watchdog" 2>/dev/null || true
  fi
  wait 2>/dev/null || true
  rm -f "$credentials" "$endpoints"
}
trap 'stop; exit 0' INT TERM
trap stop EXIT

mkdir -p var
# A port still held (say, by a server of an earlier run) is named now, not found out by a caller
# talking to the wrong server.
for port in "$RASA_PORT" "$ACTIONS_PORT" "$WEB_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "error: port $port is already in use (RASA_PORT, ACTIONS_PORT, WEB_PORT choose others)" >&2
    exit 1
  fi
done
# Every server dies with this script, however it ends: on a trap below, or killed outright.
tethered="$BIN/python -m serving.tethered --"
"$BIN/python" -m channels.settings --base credentials.yml --out "$credentials"  # prints which are on
# Prints where conversations are kept; fails, naming it, when a store can't be reached.
"$BIN/python" -m stores.settings --base endpoints.yml --out "$endpoints"
"$BIN/python" -m stores.retention --check  # prints how long conversations are kept; fails on a bad setting
# Where hand-off notes go (delivery/handoff.py: HANDOFF_SLACK_CHANNEL, HANDOFF_EMAIL_TO and SMTP_URL), or that none is connected.
"$BIN/python" -m delivery.handoff
# No --cors: no page may call Rasa's HTTP routes; the widget's socket.io channel does its own CORS
# and Origin check with the widget origins (channels/socketio.py).
# Rasa's HTTP API (conversations, model) only with a token.
api=() api_state=off
if [ -n "${RASA_API_TOKEN:-}" ]; then api=(--enable-api --auth-token "$RASA_API_TOKEN") api_state=on; fi

# The action server is for the Rasa server only: loopback unless ACTIONS_HOST says otherwise.
SANIC_HOST="${ACTIONS_HOST:-127.0.0.1}" $tethered "$BIN/rasa" run actions --port "$ACTIONS_PORT" --actions actions &
pids+=($!)
# RASA_WORKERS Rasa worker processes (default 1) take turns on a conversation through the shared lock
# store (stores/settings.py: a SQLite file unless LOCK_STORE_URL). More than one suits REST, Slack and
# Telegram, not the chat page: socket.io's long-polling requests may reach a worker that doesn't know
# their session (rasa-webchat always starts with long-polling). Rasa runs in a process group of its
# own, so stop() finds every process of it.
# `serving.rasa` is Rasa's command line with serving/speedups.py installed first.
# Without the HTTP API Rasa leaves Sanic's 60 s response timeout, which would cut off, unanswered and
# unstored, a turn that waits out a crashed server's conversation lock (TICKET_LOCK_LIFETIME, 60 s).
SANIC_WORKERS="${RASA_WORKERS:-1}" SANIC_RESPONSE_TIMEOUT="${SANIC_RESPONSE_TIMEOUT:-3600}" setsid $tethered "$BIN/python" -m serving.rasa run --port "$RASA_PORT" --model models/career-advisor.tar.gz \
  --endpoints "$endpoints" --credentials "$credentials" "${api[@]}" &
pids+=($!) rasa_group=$!
$tethered "$BIN/python" -m channels.web &
pids+=($!)
# Deletes conversations CONVERSATION_RETENTION_DAYS after their last message: now, then daily.
if [ -n "${CONVERSATION_RETENTION_DAYS:-}" ]; then
  $tethered "$BIN/python" -m stores.retention &
  pids+=($!)
fi

echo "Starting: Rasa server on port $RASA_PORT (REST: http://localhost:$RASA_PORT/webhooks/rest/webhook," \
     "HTTP API $api_state), action server on port $ACTIONS_PORT, chat page on http://localhost:$WEB_PORT." \
     "Ctrl-C stops them all."
# Stay up while every server is; if one dies, stop the others and report failure.
wait -n "${pids[@]}"
status=$?
echo "A server stopped (exit $status); stopping the rest." >&2
exit "$status"
