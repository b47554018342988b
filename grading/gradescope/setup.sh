#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image
# (Ubuntu 22.04 by default). It installs Node 20 unless a recent enough one is
# there, then faultline's dependencies in /autograder/source (the unpacked zip).
#
#   NODE_VERSION     the Node release to install (default below; needs >= 20.19)
#   AUTOGRADER_ROOT  default /autograder (set it to try this outside Gradescope)
set -euo pipefail

NODE_VERSION="${NODE_VERSION:-20.20.2}"
SOURCE="${AUTOGRADER_ROOT:-/autograder}/source"

# True when node is missing or older than the 20.19 that package.json's engines asks for.
needs_node() {
  command -v node >/dev/null 2>&1 || return 0
  ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'
}

if needs_node; then
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "setup.sh: no Node build for $(uname -m)" >&2; exit 1 ;;
  esac
  if ! command -v curl >/dev/null 2>&1 || ! command -v xz >/dev/null 2>&1; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ca-certificates curl xz-utils
  fi
  name="node-v${NODE_VERSION}-linux-${arch}"
  tmp="$(mktemp -d)"
  curl -fsSL --retry 3 -o "$tmp/$name.tar.xz" "https://nodejs.org/dist/v${NODE_VERSION}/$name.tar.xz"
  curl -fsSL --retry 3 -o "$tmp/SHASUMS256.txt" "https://nodejs.org/dist/v${NODE_VERSION}/SHASUMS256.txt"
  (cd "$tmp" && grep " $name.tar.xz\$" SHASUMS256.txt | sha256sum -c -)
  tar -xJf "$tmp/$name.tar.xz" -C /opt --no-same-owner
  for bin in node npm npx; do ln -sf "/opt/$name/bin/$bin" "/usr/local/bin/$bin"; done
  rm -rf "$tmp"
  hash -r
fi

echo "setup.sh: node $(node --version), npm $(npm --version)"
cd "$SOURCE"
npm ci --no-audit --no-fund
