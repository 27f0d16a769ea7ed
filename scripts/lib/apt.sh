# Sourced by the install scripts: `apt_install PKG...` installs Debian packages quietly, as root
# or through sudo, running `apt-get update` once per machine boot. The caller defines `say`.
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    say "cannot install $*: no apt-get here. Install it with your package manager, or use Docker (docker compose up)."
    return 1
  fi
  local sudo=""
  if [ "$(id -u)" != "0" ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      say "cannot install $*: not root and no sudo. Ask an admin to install it."
      return 1
    fi
  fi
  if [ ! -f /tmp/.arogyam-apt-updated ]; then
    $sudo apt-get update -qq >/dev/null 2>&1 && touch /tmp/.arogyam-apt-updated
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null 2>&1
}
