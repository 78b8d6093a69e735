#!/usr/bin/env bash
# Builds the real Pulumi engine tools from Go modules into a cache, once:
#   pulumi                         CLI, module github.com/pulumi/pulumi/pkg/v3 (see pulumi/go.mod)
#   pulumi-language-nodejs         our Node.js language host (pulumi/cmd/pulumi-language-nodejs)
#   pulumi-resource-kubernetes     Kubernetes provider (see kubernetes/go.mod)
#   pulumi-analyzer-policy, pulumi-resource-pulumi-nodejs   shell shims over the npm packages
#
# Output: ${PLATFORM_KIT_ENGINE_CACHE:-$HOME/.cache/platform-kit/engine}/<pulumi version>/bin.
# A tool is rebuilt only when its inputs (wrapper go.mod/go.sum/sources) change, so a
# second run costs well under a second. Builds run under `nice` with one package at a
# time: the machines have 2 cores shared with other work. Measured cold on such a machine
# (empty Go build cache, busy neighbours): module downloads ~20 s (2 GB), pulumi ~4.5 min,
# pulumi-language-nodejs ~1.5 min alone (seconds after the CLI), pulumi-resource-kubernetes
# ~12.5 min; about 17 minutes in all, within CI's 90.
#
# Usage: bash scripts/engine/build.sh [--print-bin]
#   --print-bin  print only the bin directory on stdout (for scripts)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
print_bin=false
[[ "${1:-}" == "--print-bin" ]] && print_bin=true

say() { if $print_bin; then echo "$@" >&2; else echo "$@"; fi; }

if ! command -v go >/dev/null 2>&1 && [[ -x /usr/local/go/bin/go ]]; then
    export PATH="/usr/local/go/bin:$PATH"
fi
for tool in go node; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        say "engine build FAILED at step 'prerequisites': '$tool' is not on the PATH"
        exit 1
    fi
done

# required_version MODULE GO_MOD: the version GO_MOD requires MODULE at (block or one-line form).
required_version() {
    awk -v m="$1" '$1 == m { print $2; exit } $1 == "require" && $2 == m { print $3; exit }' "$2"
}
pulumi_version=$(required_version github.com/pulumi/pulumi/pkg/v3 "$here/pulumi/go.mod")
kubernetes_module_version=$(required_version github.com/pulumi/pulumi-kubernetes/provider/v4 "$here/kubernetes/go.mod")
if [[ -z "$pulumi_version" || -z "$kubernetes_module_version" ]]; then
    say "engine build FAILED at step 'read versions': cannot read the pinned versions from $here/*/go.mod"
    exit 1
fi

cache=${PLATFORM_KIT_ENGINE_CACHE:-$HOME/.cache/platform-kit/engine}
root="$cache/$pulumi_version"
bin="$root/bin"
logs="$root/logs"
mkdir -p "$bin" "$logs"

# Never let a go directive trigger a toolchain download, never edit go.mod/go.sum, and
# keep to one compile at a time.
export GOTOOLCHAIN=local
export GOFLAGS="-mod=readonly -buildvcs=false -trimpath -p=1"

inputs_hash() {
    (cd "$here" && cat "$@" | sha256sum | cut -c1-16)
}

# run_step NAME MODULE LOG COMMAND...: runs a step niced, timing it; on failure names the
# step and the module, and shows the end of its log.
run_step() {
    local name=$1 module=$2 log=$3
    shift 3
    local start=$SECONDS
    say "engine: $name ($module) ..."
    if ! nice -n 19 "$@" >"$log" 2>&1; then
        say "engine build FAILED at step '$name', module $module; last lines of $log:"
        tail -n 40 "$log" >&2
        exit 1
    fi
    say "engine: $name done in $((SECONDS - start)) s"
}

# build_tool TOOL STAMP_INPUTS... -- BUILD_FN: skips when the binary exists with the same
# inputs hash.
is_fresh() {
    local tool=$1 hash=$2
    [[ -x "$bin/$tool" && -f "$bin/.$tool.inputs" && "$(cat "$bin/.$tool.inputs")" == "$hash" ]]
}

mark_fresh() {
    echo "$2" >"$bin/.$1.inputs"
}

# 1. The Pulumi CLI and our language host share the wrapper module in pulumi/.
cli_hash=$(inputs_hash pulumi/go.mod pulumi/go.sum)
if ! is_fresh pulumi "$cli_hash"; then
    run_step "download CLI modules" "github.com/pulumi/pulumi/pkg/v3@$pulumi_version" "$logs/pulumi-download.log" \
        bash -c "cd '$here/pulumi' && go mod download"
    run_step "build pulumi" "github.com/pulumi/pulumi/pkg/v3@$pulumi_version" "$logs/pulumi-build.log" \
        bash -c "cd '$here/pulumi' && go build \
            -ldflags '-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$pulumi_version' \
            -o '$bin/pulumi.tmp' github.com/pulumi/pulumi/pkg/v3/cmd/pulumi && mv '$bin/pulumi.tmp' '$bin/pulumi'"
    mark_fresh pulumi "$cli_hash"
fi

host_hash=$(inputs_hash pulumi/go.mod pulumi/go.sum pulumi/cmd/pulumi-language-nodejs/main.go)
if ! is_fresh pulumi-language-nodejs "$host_hash"; then
    run_step "build pulumi-language-nodejs" "platform-kit wrapper over github.com/pulumi/pulumi/sdk/v3@$pulumi_version" \
        "$logs/language-nodejs-build.log" \
        bash -c "cd '$here/pulumi' && go build \
            -ldflags '-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$pulumi_version' \
            -o '$bin/pulumi-language-nodejs.tmp' ./cmd/pulumi-language-nodejs \
            && mv '$bin/pulumi-language-nodejs.tmp' '$bin/pulumi-language-nodejs'"
    mark_fresh pulumi-language-nodejs "$host_hash"
fi

# 2. The Kubernetes provider: its main embeds the schema the module ships, so the
# wrapper is assembled in a build directory next to a copy of those two files.
k8s_hash=$(inputs_hash kubernetes/go.mod kubernetes/go.sum kubernetes/main.go)
if ! is_fresh pulumi-resource-kubernetes "$k8s_hash"; then
    k8s_module="github.com/pulumi/pulumi-kubernetes/provider/v4@$kubernetes_module_version"
    src="$root/src/kubernetes"
    rm -rf "$src"
    mkdir -p "$src"
    cp "$here/kubernetes/go.mod" "$here/kubernetes/go.sum" "$here/kubernetes/main.go" "$src/"
    run_step "download Kubernetes provider modules" "$k8s_module" "$logs/kubernetes-download.log" \
        bash -c "cd '$src' && go mod download"
    module_dir=$(cd "$src" && go list -m -f '{{.Dir}}' github.com/pulumi/pulumi-kubernetes/provider/v4)
    for file in schema.json terraform-mapping.json; do
        if ! cp "$module_dir/cmd/pulumi-resource-kubernetes/$file" "$src/$file"; then
            say "engine build FAILED at step 'copy $file', module $k8s_module: not found in $module_dir"
            exit 1
        fi
    done
    # The provider's version is the module's pseudo-version without its leading v.
    run_step "build pulumi-resource-kubernetes" "$k8s_module" "$logs/kubernetes-build.log" \
        bash -c "cd '$src' && go build \
            -ldflags '-s -w -X github.com/pulumi/pulumi-kubernetes/provider/v4/pkg/version.Version=${kubernetes_module_version#v}' \
            -o '$bin/pulumi-resource-kubernetes.tmp' . \
            && mv '$bin/pulumi-resource-kubernetes.tmp' '$bin/pulumi-resource-kubernetes'"
    mark_fresh pulumi-resource-kubernetes "$k8s_hash"
fi

# 3. The two script plugins.
for shim in pulumi-analyzer-policy pulumi-resource-pulumi-nodejs; do
    install -m 0755 "$here/$shim" "$bin/$shim"
done

if $print_bin; then
    echo "$bin"
else
    say "engine: tools ready in $bin"
fi
