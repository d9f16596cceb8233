#!/usr/bin/env bash
# Prepare a Debian/Ubuntu machine to fetch and build Xen's hypervisor (defconfig, plus the
# in-tree livepatch test payloads), the guest's control tool, and to boot them in QEMU. Idempotent: installs only what is missing, adds a
# deb-src entry only when the distribution's own suite has none, and runs `apt-get update`
# at most once, only when something changed or needs installing.
#
# usage: scripts/provision.sh        (as root, or as a user who may sudo)
set -euo pipefail

# What `make -C xen defconfig && make -C xen && make -C xen tests` uses, read from Xen's
# README and xen/Makefile: a C toolchain (gcc, binutils; libc headers for the host tools
# fixdep/kconfig/symbols), GNU make, python3 (compat header generation), flex and bison
# (kconfig), awk/sed/grep/gzip (always present). ccache speeds up rebuilds; dpkg-dev
# provides dpkg-source, which unpacks Debian's source package.
PACKAGES=(gcc libc6-dev binutils make python3 flex bison ccache dpkg-dev)
# The guest's static `xen-livepatch`, built from the same tree (tools/ configure and libs);
# autoconf regenerates the configure scripts Debian's source package leaves out.
PACKAGES+=(acpica-tools libyajl-dev uuid-dev libncurses-dev zlib1g-dev pkg-config python3-dev autoconf)
# The boot test: QEMU, and cpio for inspecting initramfs images by hand.
PACKAGES+=(qemu-system-x86 cpio)
PACKAGES+=(ovmf) # UEFI firmware for QEMU: booting xen.efi as an EFI-booted host does
PACKAGES+=(minisign) # the tests verify our .minisig signatures with the real tool
PACKAGES+=(dwarves) # pahole: the patch builder compares data layouts from debug information
# git: xen-source as a git URL, and the patch builder's `git apply`; ca-certificates for
# https clones; openssl: the tests check Xen signature notes with it.
PACKAGES+=(git ca-certificates openssl)
OUR_LIST=/etc/apt/sources.list.d/xlci-deb-src

log() { printf 'provision: %s\n' "$*" >&2; }
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else log "error: not root and sudo is missing; run this script as root"; exit 1
  fi
}

# shellcheck disable=SC1091
codename="$(. /etc/os-release && printf '%s' "${VERSION_CODENAME:-}")"
[ -n "$codename" ] || { log "error: no VERSION_CODENAME in /etc/os-release; add a deb-src entry by hand"; exit 1; }

# Source index targets apt knows for the distribution's suite, as "FILENAME" lines.
source_targets() {
  apt-get indextargets --format '$(RELEASE) $(FILENAME)' 'Created-By: Sources' 2>/dev/null |
    awk -v c="$codename" '$1 == c { print $2 }'
}

# deb-src stanzas mirroring the machine's deb822 'deb' entries for its own suites. Only
# entries whose suites start with the codename and that carry 'main' are copied, so
# third-party repositories (which rarely serve sources) are left alone.
derive_deb822() {
  awk -v c="$codename" 'BEGIN { RS = ""; FS = "\n" }
    {
      types = ""; suites = ""; comps = ""
      for (i = 1; i <= NF; i++) {
        if ($i ~ /^Types:/) types = " " substr($i, 7) " "
        if ($i ~ /^Suites:/) suites = " " substr($i, 8) " "
        if ($i ~ /^Components:/) comps = " " substr($i, 12) " "
      }
      if (types !~ /[ \t]deb[ \t]/ || types ~ /deb-src/) next
      if (suites !~ ("[ \t]" c "[ \t-]") || comps !~ /[ \t]main[ \t]/) next
      for (i = 1; i <= NF; i++) print ($i ~ /^Types:/ ? "Types: deb-src" : $i)
      print ""
    }' "$@"
}

# The same for one-line entries: "deb [options] URI SUITE COMPONENTS..." -> "deb-src ...".
derive_one_line() {
  awk -v c="$codename" '$1 == "deb" {
      n = 2
      if ($2 ~ /^\[/) { while (n <= NF && $n !~ /\]$/) n++; n++ }
      suite = $(n + 1); comps = " "
      for (i = n + 2; i <= NF; i++) comps = comps $i " "
      if ((suite == c || index(suite, c "-") == 1) && comps ~ / main /) { sub(/^deb/, "deb-src"); print }
    }' "$@"
}

need_update=0

# Xen's source package and dom0's kernel are Debian's. Elsewhere (Ubuntu) apt gets them from
# a Debian mirror the user names, added for bookworm only and pinned to priority 1: it
# supplies what the distribution lacks (linux-image-amd64, xen 4.17.5+...-1) and never
# replaces the distribution's own packages. `xen-source: debian` is bookworm's candidate,
# the security update when XLCI_DEBIAN_SECURITY_MIRROR names Debian's security archive
# (added the same way), bookworm's point release otherwise.
# shellcheck disable=SC1091
distro="$(. /etc/os-release && printf '%s' "${ID:-}")"
DEBIAN_LIST=/etc/apt/sources.list.d/xlci-debian.sources
if [ "$distro" != debian ]; then
  if [ -z "${XLCI_DEBIAN_MIRROR:-}" ]; then
    log "error: this is $distro, and Xen's source package and dom0's kernel come from Debian 12:"
    log "  set XLCI_DEBIAN_MIRROR to a Debian mirror's URL (as in a Debian machine's apt sources) and run again"
    exit 1
  fi
  if [ ! -f "$DEBIAN_LIST" ]; then
    dpkg-query -W -f='${Status}' debian-archive-keyring 2>/dev/null | grep -q 'install ok installed' || {
      as_root apt-get update -qq
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debian-archive-keyring
    }
    printf 'Types: deb deb-src\nURIs: %s\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
      "$XLCI_DEBIAN_MIRROR" | as_root tee "$DEBIAN_LIST" >/dev/null
    printf 'Package: *\nPin: release n=bookworm\nPin-Priority: 1\n' | as_root tee /etc/apt/preferences.d/xlci-debian >/dev/null
    log "added $DEBIAN_LIST (pinned to priority 1)"
    need_update=1
  fi
  SECURITY_LIST=/etc/apt/sources.list.d/xlci-debian-security.sources
  if [ -n "${XLCI_DEBIAN_SECURITY_MIRROR:-}" ] && [ ! -f "$SECURITY_LIST" ]; then
    printf 'Types: deb deb-src\nURIs: %s\nSuites: bookworm-security\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
      "$XLCI_DEBIAN_SECURITY_MIRROR" | as_root tee "$SECURITY_LIST" >/dev/null
    printf 'Package: *\nPin: release n=bookworm-security\nPin-Priority: 1\n' | as_root tee /etc/apt/preferences.d/xlci-debian-security >/dev/null
    log "added $SECURITY_LIST (pinned to priority 1)"
    need_update=1
  elif [ -z "${XLCI_DEBIAN_SECURITY_MIRROR:-}" ]; then
    log "note: without XLCI_DEBIAN_SECURITY_MIRROR, xen-source: debian is bookworm's point release, not its security update"
  fi
fi

# Other Debian releases' Xen (`xen-source: debian:VERSION` of Debian 13's 4.20, say): the
# suites named in XLCI_DEBIAN_SUITES ("trixie") are added from the same mirrors as the
# machine's own Debian entries (or XLCI_DEBIAN_MIRROR), binary and source, pinned to
# priority 1 so nothing of this machine's distribution is ever replaced: apt only takes
# from them what is asked for by exact version.
# The URI of the machine's entry for SUITE (its main archive or its -security one).
debian_uri() {
  local want="$1"
  shopt -s nullglob
  local files=(/etc/apt/sources.list.d/*.sources)
  if [ ${#files[@]} -gt 0 ]; then
    awk -v w="$want" 'BEGIN { RS = ""; FS = "\n" }
      { uris = ""; suites = ""
        for (i = 1; i <= NF; i++) {
          if ($i ~ /^URIs:/) uris = substr($i, 6)
          if ($i ~ /^Suites:/) suites = " " substr($i, 8) " "
        }
        if (index(suites, " " w " ") > 0) { split(uris, u, " "); print u[1] } }' "${files[@]}" | head -n1
  fi
  local lists=(/etc/apt/sources.list /etc/apt/sources.list.d/*.list)
  for f in "${lists[@]}"; do
    [ -f "$f" ] || continue
    awk -v w="$want" '$1 == "deb" { n = 2; if ($2 ~ /^\[/) { while (n <= NF && $n !~ /\]$/) n++; n++ }
      if ($(n + 1) == w) print $n }' "$f"
  done | head -n1
}
for suite in ${XLCI_DEBIAN_SUITES:-}; do
  case "$suite" in *[!a-z]*|"") log "error: XLCI_DEBIAN_SUITES: '$suite' is not a Debian suite name (e.g. trixie)"; exit 1 ;; esac
  [ "$suite" = "$codename" ] && continue
  list="/etc/apt/sources.list.d/xlci-$suite.sources"
  [ -f "$list" ] && continue
  main="${XLCI_DEBIAN_MIRROR:-$(debian_uri "$codename" | tr -d ' ' || true)}"
  security="$(debian_uri "$codename-security" | tr -d ' ' || true)"
  [ -n "$main" ] || { log "error: no Debian mirror to add $suite from: set XLCI_DEBIAN_MIRROR"; exit 1; }
  {
    printf 'Types: deb deb-src\nURIs: %s\nSuites: %s %s-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$main" "$suite" "$suite"
    [ -z "$security" ] || printf '\nTypes: deb deb-src\nURIs: %s\nSuites: %s-security\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$security" "$suite"
  } | as_root tee "$list" >/dev/null
  printf 'Package: *\nPin: release n=%s\nPin-Priority: 1\n\nPackage: *\nPin: release n=%s-updates\nPin-Priority: 1\n\nPackage: *\nPin: release n=%s-security\nPin-Priority: 1\n' \
    "$suite" "$suite" "$suite" | as_root tee "/etc/apt/preferences.d/xlci-$suite" >/dev/null
  log "added $list (binary and source, pinned to priority 1)"
  need_update=1
done

if [ -z "$(source_targets)" ]; then
  shopt -s nullglob
  deb822_files=(/etc/apt/sources.list.d/*.sources)
  one_line_files=(/etc/apt/sources.list /etc/apt/sources.list.d/*.list)
  existing=()
  for f in "${one_line_files[@]}"; do [ -f "$f" ] && existing+=("$f"); done
  entries=""
  if [ ${#deb822_files[@]} -gt 0 ]; then entries="$(derive_deb822 "${deb822_files[@]}")"; fi
  if [ -n "$entries" ]; then
    printf '%s\n' "$entries" | as_root tee "$OUR_LIST.sources" >/dev/null
    log "added $OUR_LIST.sources"
  else
    if [ ${#existing[@]} -gt 0 ]; then entries="$(derive_one_line "${existing[@]}")"; fi
    [ -n "$entries" ] || { log "error: found no 'deb' entry for $codename to derive a deb-src entry from; add one by hand"; exit 1; }
    printf '%s\n' "$entries" | as_root tee "$OUR_LIST.list" >/dev/null
    log "added $OUR_LIST.list"
  fi
  need_update=1
else
  # Configured but never fetched (apt-get update not run since): apt-get source would fail.
  fetched=0
  while read -r f; do [ -e "$f" ] && fetched=1; done < <(source_targets)
  [ "$fetched" = 1 ] || need_update=1
fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# A package list that was never fetched (fresh container) cannot install anything.
[ ${#missing[@]} -eq 0 ] || need_update=1

if [ "$need_update" = 1 ]; then
  log "apt-get update"
  as_root apt-get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
  log "installing: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
log "ready"
