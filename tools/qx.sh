#!/usr/bin/env bash
# The project's two entry points on a fresh Debian 12 machine:
#   tools/qx.sh run    install what is missing, build, start the GUI
#   tools/qx.sh test   install what is missing, build, run the whole test suite
# Extra arguments after `run` go to qexplore. BUILD_DIR (default: build) and JOBS may be set.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(build-essential cmake ninja-build ccache pkg-config git
  qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-tools-dev qt6-l10n-tools qt6-qpa-plugins qt6-translations-l10n
  libeigen3-dev libdnnl-dev ocl-icd-opencl-dev nlohmann-json3-dev libonig-dev libcli11-dev libgl-dev librsvg2-bin
  xvfb xauth clang libclang-rt-14-dev
  help2man lintian appstream desktop-file-utils shared-mime-info)

install_missing() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  # node and npm run the interop tests' references (real llama.cpp through node-llama-cpp, HF tokenizers);
  # a machine may have them from another source than Debian's packages, so look for the commands.
  command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}

BUILD_DIR=${BUILD_DIR:-build}
JOBS=${JOBS:-$(nproc)}

configure_and_build() {
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@"
  cmake --build "$BUILD_DIR" -j "$JOBS"
}

case "${1:-}" in
  run)
    shift
    install_missing
    configure_and_build -DQX_BUILD_TESTS=OFF
    [ $# -eq 0 ] && set -- --demo   # no arguments: start on the built-in demo model
    exec "$BUILD_DIR/app/qexplore" "$@"
    ;;
  test)
    install_missing
    configure_and_build -DQX_BUILD_TESTS=ON
    ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$JOBS"
    ;;
  screenshots)
    # docs/screenshots: the app's --screenshot mode on the demo model (1280×800, English), the presets
    # evaluated on the demo's own text (or $TEXT); keeps the four pictures the README and AppStream name.
    install_missing
    cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release   # the build's other settings stay
    cmake --build "$BUILD_DIR" -j "$JOBS" --target qexplore
    text=${TEXT:-resources/demo-text.txt}
    [ -f "$text" ] || text=${QEXPLORE_DATA:-../shared}/text/tinystories-valid-head.txt
    out=$(mktemp -d)
    XDG_CONFIG_HOME="$out/config" QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} \
      "$BUILD_DIR/app/qexplore" --demo --language en --size 1280x800 --text "$text" --screenshot "$out/shots"
    mkdir -p docs/screenshots
    for name in main-window distribution trade-off learn-lab; do
      cp "$out/shots/$name.png" docs/screenshots/
    done
    rm -rf "$out"
    ;;
  *)
    echo "usage: tools/qx.sh run [qexplore args...] | tools/qx.sh test | tools/qx.sh screenshots" >&2
    exit 2
    ;;
esac
