// Command pulumi-resource-kubernetes serves the Kubernetes provider.
//
// Upstream's main embeds schema-embed.json, a copy of the shipped schema.json with the
// version stamped in by a `go generate` step that a module download never runs. The
// build script copies schema.json and terraform-mapping.json from the module into this
// package's build directory, and the version is stamped here at start-up instead.
package main

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"os"

	"github.com/pulumi/pulumi-kubernetes/provider/v4/pkg/provider"
	"github.com/pulumi/pulumi-kubernetes/provider/v4/pkg/version"
)

//go:embed schema.json
var schema []byte

//go:embed terraform-mapping.json
var terraformMapping []byte

func versionedSchema() ([]byte, error) {
	var spec map[string]json.RawMessage
	if err := json.Unmarshal(schema, &spec); err != nil {
		return nil, fmt.Errorf("parse embedded schema: %w", err)
	}
	stamped, err := json.Marshal(version.Version)
	if err != nil {
		return nil, err
	}
	spec["version"] = stamped
	return json.Marshal(spec)
}

func main() {
	pulumiSchema, err := versionedSchema()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	provider.Serve("kubernetes", version.Version, pulumiSchema, terraformMapping)
}
