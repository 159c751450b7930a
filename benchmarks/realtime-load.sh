#!/usr/bin/env bash
# Realtime hub load test: N raw-WebSocket SignalR clients on loopback against the hub in separate server processes.
#   benchmarks/realtime-load.sh [connections=10000] [scenario=all|single|redis|plain] [more options for `run`, e.g. --inline-io]
# single: one node (in-memory history): broadcast latency, 20% forced disconnect/resume, connection cap (503).
# redis:  two nodes + Redis (CRYPTOINTEL_TEST_REDIS, default 127.0.0.1:16379): the same plus a restart of node 2.
# plain:  the baseline for the broadcast figure: a plain SignalR hub (Clients.All.SendAsync), same clients, same machine.
# Each server runs under `ulimit -n` = its share of connections + 800, so its connection cap (ulimit - 512) sits just
# above its share: the extra connections of the last phase hit the cap and must get 503 while the others live on.
set -euo pipefail
cd "$(dirname "$0")/.."
connections=${1:-10000}
scenario=${2:-all}
shift $(( $# < 2 ? $# : 2 ))
redis=${CRYPTOINTEL_TEST_REDIS:-127.0.0.1:16379}
# The generator holds all client sockets: raise its open-file limit as far as allowed.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
# The generator's GC: a 64 MB gen0 budget (hex bytes), so its collections do not stall 10,000 receive loops mid-broadcast.
export DOTNET_GCgen0size=${DOTNET_GCgen0size:-4000000}
dotnet build benchmarks/CryptoIntel.Realtime.LoadTest -c Release -v q -nologo >/dev/null
dll=benchmarks/CryptoIntel.Realtime.LoadTest/bin/Release/net10.0/CryptoIntel.Realtime.LoadTest.dll
status=0
if [ "$scenario" = all ] || [ "$scenario" = single ]; then
  echo "== one node, $connections connections"
  dotnet "$dll" run --connections "$connections" --nodes 1 "$@" || status=$?
fi
if [ "$scenario" = all ] || [ "$scenario" = redis ]; then
  echo "== two nodes over Redis $redis, $connections connections"
  dotnet "$dll" run --connections "$connections" --nodes 2 --redis "$redis" "$@" || status=$?
fi
if [ "$scenario" = plain ]; then
  echo "== baseline: plain SignalR hub, $connections connections"
  dotnet "$dll" run --connections "$connections" --nodes 1 --plain "$@" || status=$?
fi
exit $status
