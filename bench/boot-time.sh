#!/usr/bin/env bash
# Boot-to-ready benchmark (docs/performance.md): the provisioned WildFly alone vs. WildFly with Regard, same
# machine, same run, N rounds each, alternating. Needs a build first (./mvnw verify or ./mvnw package -DskipTests).
#   empty : launch → first HTTP answer on the loopback port
#   regard: launch → GET /api/v1/status answers {"status":"UP"} (schema migrated, engine built, BPMN deployed)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${ROUNDS:-3}"
SERVER="$PWD/ear/target/server"
EAR="$PWD/ear/target/regard.ear"
PORT="${BENCH_PORT:-8180}"
OFFSET=$((PORT - 8080))
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
[ -x "$SERVER/bin/standalone.sh" ] && [ -f "$EAR" ] || { echo "Build first: ./mvnw package -DskipTests" >&2; exit 2; }

now_ms() { date +%s%3N; }

run_once() { # $1 = empty|regard ; prints milliseconds to ready
  local kind="$1"
  local base="$WORK/$kind-$RANDOM" url pattern start
  cp -r "$SERVER/standalone" "$base"
  rm -rf "$base/deployments/"* "$base/data" "$base/tmp" "$base/log"
  if [ "$kind" = regard ]; then
    cp "$EAR" "$base/deployments/"
    url="http://127.0.0.1:$PORT/api/v1/status"; pattern='"status":"UP"'
  else
    url="http://127.0.0.1:$PORT/"; pattern=''
  fi
  start=$(now_ms)
  "$SERVER/bin/standalone.sh" -Djboss.server.base.dir="$base" -Djboss.socket.binding.port-offset="$OFFSET" \
      -Dregard.data.dir="$base/regard-data" > "$base/console.log" 2>&1 &
  local ready=""
  for _ in $(seq 1 1200); do
    if body=$(curl -s --max-time 2 "$url" 2>/dev/null) && { [ -z "$pattern" ] || grep -q "$pattern" <<<"$body"; }; then
      if [ -n "$pattern" ] || curl -s -o /dev/null --max-time 2 -w '%{http_code}' "$url" | grep -qv '^000$'; then
        ready=$(( $(now_ms) - start )); break
      fi
    fi
    sleep 0.1
  done
  "$SERVER/bin/jboss-cli.sh" --connect --controller="127.0.0.1:$((9990 + OFFSET))" --command=:shutdown > /dev/null 2>&1 || true
  wait || true
  [ -n "$ready" ] || { echo "timeout waiting for $kind" >&2; tail -20 "$base/console.log" >&2; exit 1; }
  echo "$ready"
}

declare -a E R
for i in $(seq 1 "$ROUNDS"); do
  E+=("$(run_once empty)"); R+=("$(run_once regard)")
  echo "round $i: empty ${E[-1]} ms, regard ${R[-1]} ms"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
me=$(median "${E[@]}"); mr=$(median "${R[@]}")
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "median boot-to-ready: empty server ${me} ms, Regard ${mr} ms, ratio $(awk -v a="$mr" -v b="$me" 'BEGIN{printf "%.2f", a/b}')"
