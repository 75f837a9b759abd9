#!/usr/bin/env bash
# Myomap's benchmarks: one command, one table (docs/PERFORMANCE.md holds a run's output).
#
#   bench/run.sh [--quick]
#
# Builds what it needs (third_party/setup.sh build, plus myomap-bench with its allocation
# counter), installs f3d from Debian if missing (the peer), starts one virtual display for the
# whole run (unless MYOMAP_BENCH_DISPLAY names one), then prints: machine and renderer, cold
# start, frame time and its floor at 1920x1080 and 1280x800, the peer comparison, pick latency,
# referral precompute, body generation, memory and allocations. Figures only: it never fails
# on a slow result. --quick runs fewer repetitions and frames (a smoke run, not for the docs).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"

runs=5 frames=600
if [ "${1:-}" = "--quick" ]; then runs=2 frames=60; fi

third_party/setup.sh build >/dev/null
cmake --build build --target myomap-bench >/dev/null
if ! command -v f3d >/dev/null; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  echo "bench: installing f3d (the peer viewer) from Debian"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends f3d >/dev/null
fi

app=build/src/app/myomap
benchapp=build/bench/myomap-bench
bodygen=build/src/bodygen/myomap-bodygen
figure=build/assets/body.glb
out=$(mktemp -d /tmp/myomap-bench.XXXXXX)
trap 'kill "${xvfb_pid:-0}" 2>/dev/null || true; rm -rf "$out"' EXIT

if [ -n "${MYOMAP_BENCH_DISPLAY:-}" ]; then
  export DISPLAY=$MYOMAP_BENCH_DISPLAY
else
  for n in $(seq 90 120); do [ -e "/tmp/.X11-unix/X$n" ] || break; done
  Xvfb ":$n" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  export DISPLAY=":$n"
  for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
fi

now() { date +%s.%N; }
# stats V...: median min max of the values
stats() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "%.3f %.3f %.3f", m, v[1], v[NR]}'; }
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2" | tr -d '"'; }
row() { printf '| %-58s | %12s | %12s | %12s |\n' "$@"; }
wall() { local t0; t0=$(now); "$@" >/dev/null 2>&1; awk -v a="$t0" -v b="$(now)" 'BEGIN {printf "%.3f", b - a}'; }

select_args=(--view posterior --select upper_trapezius.R --referral upper_trapezius.tp1.R)
first=$("$app" --bench first-frame --size 1920x1080 2>/dev/null | grep '^bench' || true)
renderer=$(sed -n 's/.*renderer="\([^"]*\)".*/\1/p' <<<"$first")
echo "# Myomap benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo
echo "- machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
echo "- OpenGL renderer: ${renderer:-unknown} (display $DISPLAY)"
echo "- repetitions: $runs per process figure; $frames frames per frame-time figure"
echo
row "figure" "median" "min" "max"
row "------" "------" "---" "---"

# Cold start: process start to the first frame presented (reported by the app), and the whole
# process of a headless screenshot.
firsts=() shots=()
for _ in $(seq "$runs"); do
  line=$("$app" --bench first-frame --size 1920x1080 2>/dev/null | grep '^bench')
  firsts+=("$(field seconds "$line")")
  shots+=("$(wall "$app" --screenshot "$out/shot.png" --size 1920x1080)")
done
read -r m lo hi <<<"$(stats "${firsts[@]}")"; row "cold start to first presented frame, 1920x1080 (s)" "$m" "$lo" "$hi"
read -r m lo hi <<<"$(stats "${shots[@]}")"; row "headless screenshot 1920x1080, whole process (s)" "$m" "$lo" "$hi"

# The peer: f3d and myomap rendering the same body.glb to a 1920x1080 PNG, in alternation.
peer=() mine=()
for _ in $(seq "$runs"); do
  peer+=("$(wall f3d --output="$out/f3d.png" --resolution=1920,1080 "$figure")")
  mine+=("$(wall "$app" --model "$figure" --screenshot "$out/mine.png" --size 1920x1080)")
done
read -r pm plo phi <<<"$(stats "${peer[@]}")"; row "f3d $(f3d --version 2>/dev/null | head -1 | awk '{print $2}'), body.glb to PNG 1920x1080 (s)" "$pm" "$plo" "$phi"
read -r mm mlo mhi <<<"$(stats "${mine[@]}")"; row "myomap --model body.glb --screenshot, same size (s)" "$mm" "$mlo" "$mhi"
row "myomap / f3d (medians; target at most 0.6)" "$(awk -v a="$mm" -v b="$pm" 'BEGIN {printf "%.2f", a / b}')" "" ""

# Frame time: the real frame (UI and panel, the referral animating, the camera orbiting) and
# its floor (the same posed triangles, trivial shading), same window and size.
for size in 1920x1080 1280x800; do
  orbit=$("$benchapp" --bench orbit --frames "$frames" --size "$size" "${select_args[@]}" 2>/dev/null | grep '^bench orbit')
  floor=$("$benchapp" --bench floor --frames "$frames" --size "$size" "${select_args[@]}" 2>/dev/null | grep '^bench floor:.*frames')
  fullDetail=$("$benchapp" --bench orbit --frames "$frames" --size "$size" --detail full "${select_args[@]}" 2>/dev/null | grep '^bench orbit')
  row "frame $size, the real one: median (min, max) (ms)" "$(field median_ms "$orbit")" "$(field min_ms "$orbit")" "$(field max_ms "$orbit")"
  row "frame $size at View > Detail: Full (ms)" "$(field median_ms "$fullDetail")" "$(field min_ms "$fullDetail")" "$(field max_ms "$fullDetail")"
  row "frame $size: 99th percentile (ms)" "$(field p99_ms "$orbit")" "" ""
  row "frame $size: CPU per frame, all threads / main thread (ms)" "$(field cpu_ms "$orbit")" "$(field main_cpu_ms "$orbit")" ""
  row "floor $size: same triangles, trivial shader (ms)" "$(field median_ms "$floor")" "$(field min_ms "$floor")" "$(field max_ms "$floor")"
  row "frame / floor $size (medians; target at most 1.5)" \
    "$(awk -v a="$(field median_ms "$orbit")" -v b="$(field median_ms "$floor")" 'BEGIN {printf "%.2f", a / b}')" "" ""
  row "frames per second $size (median frame)" "$(awk -v a="$(field median_ms "$orbit")" 'BEGIN {printf "%.1f", 1000 / a}')" "" ""
  if [ "$size" = 1920x1080 ]; then
    row "peak resident memory, 1920x1080 orbit (MB)" "$(field peak_rss_mb "$orbit")" "" ""
    row "allocations per frame, main thread: all / C++ new" "$(field allocs_per_frame "$orbit")" "$(field cxx_allocs_per_frame "$orbit")" ""
    row "frames that called operator new at all, of $frames" "$(field frames_with_cxx_allocs "$orbit")" "" ""
  fi
done

pick=$("$app" --bench pick --size 1920x1080 2>/dev/null | grep '^bench pick')
row "pick, click to selection known, 143 pixels (ms)" "$(field median_ms "$pick")" "" "$(field max_ms "$pick")"
row "pick, the first after a pose change (ms)" "$(field first_ms "$pick")" "" ""
row "pick 99th percentile (ms)" "$(field p99_ms "$pick")" "" ""
refs=$("$app" --bench referrals --size 640x400 2>/dev/null | grep '^bench referrals')
row "referral field, one trigger point and side, built (ms)" "$(field median_ms "$refs")" "" "$(field max_ms "$refs")"
row "referral fields, all $(field fields "$refs") plus skin graph (ms, on demand)" "$(field total_ms "$refs")" "" ""

gens=()
for _ in $(seq "$(( runs < 3 ? runs : 3 ))"); do gens+=("$(wall "$bodygen" --out "$out/body.glb")"); done
read -r m lo hi <<<"$(stats "${gens[@]}")"; row "body generation, myomap-bodygen (s)" "$m" "$lo" "$hi"
