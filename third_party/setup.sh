#!/usr/bin/env bash
# Myomap's one-step set-up: installs what is missing from Debian's packages, builds, then
# runs the app or the tests. Nothing is downloaded except Debian packages.
#
#   third_party/setup.sh run [myomap options...]   build and launch the viewer
#   third_party/setup.sh test                      build and run the whole test suite
#   third_party/setup.sh test-asan                 the whole suite under AddressSanitizer + UBSan + LSan
#   third_party/setup.sh build                     build only
#   third_party/setup.sh fuzz [SECONDS_PER_TARGET] run each libFuzzer target (default 20 s)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
mode=${1:-run}
[ $# -gt 0 ] && shift

packages=(build-essential cmake ninja-build pkg-config
  libglfw3-dev libepoxy-dev libgl1-mesa-dev libgl1-mesa-dri libimgui-dev libstb-dev
  libglm-dev libmeshoptimizer-dev libassimp-dev libtinygltf-dev nlohmann-json3-dev doctest-dev
  libcairo2-dev libpango1.0-dev libpng-dev poppler-utils
  fonts-dejavu-core xvfb xauth xdotool)

# Node.js runs the Khronos glTF validator in the tests; keep a Node.js that is already there
# (it may not come from Debian's package).
command -v node >/dev/null || packages+=(nodejs npm)

# libFuzzer comes with clang's runtime libraries; only the fuzz mode needs them.
[ "$mode" = fuzz ] && packages+=(clang libclang-rt-14-dev)

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "setup: installing ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

configure_and_build() {
  local dir=$1; shift
  cmake -S . -B "$dir" -G Ninja "$@" >/dev/null
  cmake --build "$dir" --parallel "$(nproc)"
}

# Runs a command with a display: the real one if there is one, else a virtual one. -noreset:
# by default the X server resets whenever its last client leaves, and a test that connects
# during that reset (two run at once) fails to open the display.
with_display() {
  if [ -n "${DISPLAY:-}" ] && [ "${MYOMAP_FORCE_XVFB:-0}" != 1 ]; then "$@"
  else xvfb-run -a -s "-screen 0 1920x1080x24 -noreset" "$@"; fi
}

# The Khronos glTF validator for the figure's test: an npm package (the issue asks for it),
# installed once into the build folder with the machine's Node.js.
install_validator() {
  local dir=$1
  [ -f "$dir/node_modules/gltf-validator/package.json" ] && return 0
  if ! command -v npm >/dev/null; then
    echo "setup: npm not found; the glTF validator test will be skipped (apt-get install nodejs npm)"
    return 0
  fi
  mkdir -p "$dir"
  npm install --silent --no-audit --no-fund --prefix "$dir" gltf-validator@2.0.0-dev.3.10 >/dev/null 2>&1 \
    || echo "setup: could not install gltf-validator from the npm registry; its test will be skipped"
}

install_missing
case "$mode" in
  build) configure_and_build build ;;
  run)
    configure_and_build build
    with_display ./build/src/app/myomap "$@" ;;
  test)
    configure_and_build build -DMYOMAP_WERROR=ON
    install_validator build
    # GL and render tests need a context: always a virtual display, so results don't depend on the desktop.
    MYOMAP_FORCE_XVFB=1 with_display ctest --test-dir build --output-on-failure -j "$(nproc)" "$@" ;;
  test-asan)
    configure_and_build build-asan -DMYOMAP_WERROR=ON -DMYOMAP_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
    install_validator build-asan
    # The whole suite, except that the body generator's cases run once in one process
    # (bodygen_cases_in_one_process) instead of one process each: each would generate the
    # figure again, minutes apiece under the sanitizers.
    ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions="$here/tests/lsan.supp" \
      MYOMAP_FORCE_XVFB=1 with_display ctest --test-dir build-asan --output-on-failure -j "$(nproc)" -LE bodygen "$@" ;;
  fuzz)
    # Each target in tests/fuzz for a bounded time from the project's seeds; fails if one
    # crashes, hangs (-timeout) or runs out of memory. Corpora and crash files stay in build-fuzz.
    seconds=${1:-20}
    CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DMYOMAP_FUZZ=ON -DMYOMAP_SANITIZE=ON \
      -DMYOMAP_BUILD_TESTS=OFF -DMYOMAP_WERROR=OFF >/dev/null
    cmake --build build-fuzz --target myomap_fuzz --parallel "$(nproc)"
    build-fuzz/tests/fuzz/myomap_fuzz_seeds "$here" build-fuzz/corpus
    failed=()
    for target in gltf assimp atlas kiosk session script; do
      rm -rf "build-fuzz/crashes/$target" && mkdir -p "build-fuzz/crashes/$target"
      log="build-fuzz/fuzz-$target.log"
      status=0
      ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 \
        "build-fuzz/tests/fuzz/myomap_fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -print_final_stats=1 -artifact_prefix="build-fuzz/crashes/$target/" \
        "build-fuzz/corpus/$target" >"$log" 2>&1 || status=$?
      runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
      cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
      artifacts=$(ls "build-fuzz/crashes/$target" 2>/dev/null | tr '\n' ' ')
      echo "fuzz $target: ${runs:-?} runs, ${cov:-cov: ?} in ${seconds} s${artifacts:+, crash files: $artifacts}"
      if [ "$status" -ne 0 ] || [ -n "$artifacts" ]; then
        failed+=("$target")
        grep -E 'ERROR: |SUMMARY: |runtime error:|Test unit written' "$log" | head -5 | sed 's/^/  /'
        echo "  log: $log"
      fi
    done
    if [ ${#failed[@]} -gt 0 ]; then echo "fuzz: failed: ${failed[*]}" >&2; exit 1; fi ;;
  *) echo "usage: third_party/setup.sh run|test|test-asan|build|fuzz" >&2; exit 2 ;;
esac
