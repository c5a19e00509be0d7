#!/usr/bin/env bash
# Starts the action server and the Rasa server and stays in the foreground.
# Ctrl-C or SIGTERM stops every process it started.
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_PORT="${RASA_PORT:-5005}" ACTIONS_PORT="${ACTIONS_PORT:-5055}"
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1
BIN=.venv/bin
pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap 'stop; exit 0' INT TERM
trap stop EXIT

"$BIN/rasa" run actions --port "$ACTIONS_PORT" --actions actions &
pids+=($!)
"$BIN/rasa" run --port "$RASA_PORT" --model models/career-advisor.tar.gz \
  --endpoints endpoints.yml --credentials credentials.yml &
pids+=($!)

echo "Starting: Rasa server on port $RASA_PORT (REST: http://localhost:$RASA_PORT/webhooks/rest/webhook)," \
     "action server on port $ACTIONS_PORT. Ctrl-C stops both."
# Stay up while both servers are; if either dies, stop the other and report failure.
wait -n "${pids[@]}"
status=$?
echo "A server stopped (exit $status); stopping the rest." >&2
exit "$status"
