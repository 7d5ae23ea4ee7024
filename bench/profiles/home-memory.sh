#!/bin/bash
# Where the application host's resident memory goes under the home-page load (docs/benchmarks.md, « Resident
# memory »): runs `home --size lycee` and, while the three servers serve pages, reads the application host's
# smaps, its GC counters, a heap snapshot, and a full dump of the host without recording summarised by `eeheap`.
# Needs the dotnet-counters, dotnet-gcdump and dotnet-dump global tools (`dotnet tool install -g <tool>`).
# Usage: bench/profiles/home-memory.sh [output directory]   (about 7 minutes at lycee size)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-bench-profile-memory}
mkdir -p "$out"
tools=$HOME/.dotnet/tools
dotnet build -c Release bench/MonBureau.Bench -v q -nologo > "$out/build.log"
dotnet bench/MonBureau.Bench/bin/Release/net10.0/MonBureau.Bench.dll home --size lycee --out "$out/home.md" > "$out/home.log" 2>&1 &
bench=$!

# Waits for a server of the run to start; gives up with the run's log if the run ended first.
server_pid() {
  local pid
  until pid=$(pgrep -f "MonBureau.Bench.dll $1"); do
    kill -0 "$bench" 2> /dev/null || { cat "$out/home.log" >&2; exit 1; }
    sleep 1
  done
  echo "$pid"
}

app=$(server_pid "serve-host$")
"$tools/dotnet-counters" collect -p "$app" --counters System.Runtime --refresh-interval 5 -o "$out/app-counters.csv" > /dev/null 2>&1 &
norec=$(server_pid "serve-host --without-access-recording")

# The servers warm up for about a minute after the last one starts; the measured rounds follow.
sleep 100
cp "/proc/$app/smaps" "$out/app-smaps.txt"
"$tools/dotnet-gcdump" collect -p "$app" -o "$out/app.gcdump" > /dev/null
"$tools/dotnet-gcdump" report "$out/app.gcdump" > "$out/app-gcdump.txt"
# The dump reads every mapped page of the host without recording: its own RSS is no longer meaningful afterwards.
"$tools/dotnet-dump" collect -p "$norec" --type Full -o "$out/norec.dump" > /dev/null
"$tools/dotnet-dump" analyze "$out/norec.dump" -c "eeheap" -c "exit" > "$out/norec-eeheap.txt"
rm "$out/norec.dump"
wait "$bench"

# Resident memory of the application host by mapping: anonymous, W^X's double-mapped executable memory, files.
awk '/^[0-9a-f]+-[0-9a-f]+ /{name=($6=="")?"[anon]":$6} /^Rss:/{rss[name]+=$2}
     END{for(n in rss) if(rss[n]>1024) printf "%8.1f MB  %s\n", rss[n]/1024, n}' "$out/app-smaps.txt" | sort -rn | head -25 > "$out/app-smaps-summary.txt"
grep -E "peak RSS" "$out/home.md"
head -2 "$out/app-gcdump.txt"
grep -E "^Total size|GC Committed Heap Size|Total bytes consumed by CLR" "$out/norec-eeheap.txt"
head -5 "$out/app-smaps-summary.txt"
