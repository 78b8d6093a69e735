#!/usr/bin/env bash
# Environment for running the engine tools built by build.sh, fully offline:
#   - the tools' bin directory first on PATH (so the engine finds the language host and
#     providers there as "ambient" plugins and never tries to download one);
#   - PULUMI_HOME inside the cache, never ~/.pulumi;
#   - a file backend in a fresh temporary directory unless PULUMI_BACKEND_URL is set;
#   - a passphrase secrets provider, no update check, no plugin acquisition.
#
# Two ways to use it:
#   source scripts/engine/env.sh          # exports into the current shell
#   bash scripts/engine/env.sh CMD ARGS   # runs one command with that environment only
engine_here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
engine_version=$(awk '$1 == "github.com/pulumi/pulumi/pkg/v3" { print $2; exit }' "$engine_here/pulumi/go.mod")
[[ -n "$engine_version" ]] || { echo "cannot read the Pulumi version from $engine_here/pulumi/go.mod" >&2; return 1 2>/dev/null || exit 1; }
engine_root="${PLATFORM_KIT_ENGINE_CACHE:-$HOME/.cache/platform-kit/engine}/$engine_version"

if [[ ! -x "$engine_root/bin/pulumi" ]]; then
    echo "engine tools are not built in $engine_root/bin: run 'bash scripts/engine/build.sh' first" >&2
    if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then exit 1; else return 1; fi
fi

export PATH="$engine_root/bin:$PATH"
export PULUMI_HOME="$engine_root/home"
mkdir -p "$PULUMI_HOME"
if [[ -z "${PULUMI_BACKEND_URL:-}" ]]; then
    PULUMI_BACKEND_URL="file://$(mktemp -d "${TMPDIR:-/tmp}/platform-kit-state.XXXXXX")"
    export PULUMI_BACKEND_URL
fi
export PULUMI_CONFIG_PASSPHRASE="${PULUMI_CONFIG_PASSPHRASE:-platform-kit-e2e}"
export PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
export PULUMI_SKIP_CONFIRMATIONS=true
export PULUMI_DIY_BACKEND_NO_LEGACY_WARNING=true
unset PULUMI_IGNORE_AMBIENT_PLUGINS PULUMI_ACCESS_TOKEN

if [[ "${BASH_SOURCE[0]}" == "$0" && $# -gt 0 ]]; then
    exec "$@"
fi
