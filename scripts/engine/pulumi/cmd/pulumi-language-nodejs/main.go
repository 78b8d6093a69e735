// Command pulumi-language-nodejs is platform-kit's own Node.js language host for the
// Pulumi engine, written against github.com/pulumi/pulumi/sdk/v3 at the CLI's version.
//
// Why our own: upstream's host lives in its own module
// (github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3), which is never
// tagged, so the module proxy serves no version of it. The engine only needs a small
// part of the LanguageRuntime service to run programs and policy packs offline: this
// host starts `@pulumi/pulumi/cmd/run` for programs and the `pulumi-analyzer-policy`
// shim for policy packs, both resolved from the project's own node_modules. Code
// generation, packing and dependency installation are deliberately unsupported: the kit
// installs nothing at run time.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/google/shlex"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"

	sdk "github.com/pulumi/pulumi/sdk/v3"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/cmdutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/logging"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// The Node.js SDK exits with this code once it has already shown the user an
// actionable message, asking the engine not to add its own.
const exitCodeAfterUserActionableMessage = 32

const policyShim = "pulumi-analyzer-policy"

func main() {
	// The engine passes its address as the last positional argument; older engines also
	// passed -tracing and runtime options as flags, which are accepted and ignored.
	flag.String("tracing", "", "ignored")
	flag.String("root", "", "ignored")
	flag.Bool("typescript", true, "ignored: read from the project's runtime options")
	flag.String("tsconfig", "", "ignored: read from the project's runtime options")
	flag.String("nodeargs", "", "ignored: read from the project's runtime options")
	flag.Parse()
	logging.InitLogging(false, 0, false)

	var engineAddress string
	if args := flag.Args(); len(args) > 0 {
		engineAddress = args[len(args)-1]
	}

	ctx, cancel := context.WithCancel(context.Background())
	if engineAddress != "" {
		if err := rpcutil.Healthcheck(ctx, engineAddress, 5*time.Minute, cancel); err != nil {
			cmdutil.Exit(fmt.Errorf("could not start health check host RPC server: %w", err))
		}
	}

	host := &nodeHost{engineAddress: engineAddress}
	stop := make(chan bool)
	go func() {
		<-ctx.Done()
		close(stop)
	}()
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Cancel: stop,
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, host)
			return nil
		},
	})
	if err != nil {
		cmdutil.Exit(fmt.Errorf("could not start language host RPC server: %w", err))
	}
	// The engine reads the port from our first line of output.
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		cmdutil.Exit(fmt.Errorf("language host RPC stopped serving: %w", err))
	}
}

type nodeHost struct {
	pulumirpc.UnimplementedLanguageRuntimeServer

	mu            sync.Mutex
	engineAddress string
}

func (h *nodeHost) engine() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.engineAddress
}

func (h *nodeHost) Handshake(
	_ context.Context, req *pulumirpc.LanguageHandshakeRequest,
) (*pulumirpc.LanguageHandshakeResponse, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if req.GetEngineAddress() != "" {
		h.engineAddress = req.GetEngineAddress()
	}
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (h *nodeHost) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version.Version}, nil
}

// Providers are loaded on demand from the PATH when the program registers its first
// resource, so nothing has to be declared (or downloaded) ahead of the run.
func (h *nodeHost) GetRequiredPlugins(
	context.Context, *pulumirpc.GetRequiredPluginsRequest,
) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return &pulumirpc.GetRequiredPluginsResponse{}, nil
}

func (h *nodeHost) GetRequiredPackages(
	context.Context, *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{}, nil
}

func (h *nodeHost) GetProgramDependencies(
	context.Context, *pulumirpc.GetProgramDependenciesRequest,
) (*pulumirpc.GetProgramDependenciesResponse, error) {
	return &pulumirpc.GetProgramDependenciesResponse{}, nil
}

// InstallDependencies succeeds without installing: the kit's programs and policy packs
// resolve their packages from the repository's node_modules, and nothing may reach the
// network during a run.
func (h *nodeHost) InstallDependencies(
	*pulumirpc.InstallDependenciesRequest, grpc.ServerStreamingServer[pulumirpc.InstallDependenciesResponse],
) error {
	return nil
}

func (h *nodeHost) About(ctx context.Context, _ *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	out, err := exec.CommandContext(ctx, "node", "--version").Output()
	if err != nil {
		return nil, fmt.Errorf("node --version: %w", err)
	}
	return &pulumirpc.AboutResponse{
		Executable: "node",
		Version:    strings.TrimPrefix(strings.TrimSpace(string(out)), "v"),
	}, nil
}

func (h *nodeHost) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}

// runtimeOptions are the `runtime.options` of Pulumi.yaml / PulumiPolicy.yaml that
// this host honours.
type runtimeOptions struct {
	typescript   bool
	tsconfigPath string
	nodeArgs     []string
}

func parseRuntimeOptions(info *pulumirpc.ProgramInfo) (runtimeOptions, error) {
	opts := runtimeOptions{typescript: true}
	if info == nil || info.GetOptions() == nil {
		return opts, nil
	}
	raw := info.GetOptions().AsMap()
	if v, ok := raw["typescript"]; ok {
		b, isBool := v.(bool)
		if !isBool {
			return opts, fmt.Errorf("runtime option typescript must be a boolean, got %v", v)
		}
		opts.typescript = b
	}
	if v, ok := raw["tsconfig"]; ok {
		s, isString := v.(string)
		if !isString {
			return opts, fmt.Errorf("runtime option tsconfig must be a string, got %v", v)
		}
		opts.tsconfigPath = s
	}
	if v, ok := raw["nodeargs"]; ok {
		s, isString := v.(string)
		if !isString {
			return opts, fmt.Errorf("runtime option nodeargs must be a string, got %v", v)
		}
		args, err := shlex.Split(s)
		if err != nil {
			return opts, fmt.Errorf("runtime option nodeargs: %w", err)
		}
		opts.nodeArgs = args
	}
	return opts, nil
}

func (o runtimeOptions) env() []string {
	var env []string
	if o.typescript {
		env = append(env, "PULUMI_NODEJS_TYPESCRIPT=true")
	}
	if o.tsconfigPath != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+o.tsconfigPath)
	}
	return env
}

// resolveModule asks node itself where a module lives, seen from dir, so the SDK that
// runs is exactly the one the program would import.
func resolveModule(ctx context.Context, dir, module string) (string, error) {
	cmd := exec.CommandContext(ctx, "node", "-e", "process.stdout.write(require.resolve(process.argv[1]))", module)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("cannot resolve %s from %s (is @pulumi/pulumi installed in an enclosing "+
			"node_modules?): %w", module, dir, err)
	}
	return string(out), nil
}

func programDirectory(req *pulumirpc.RunRequest) string {
	if dir := req.GetInfo().GetProgramDirectory(); dir != "" {
		return dir
	}
	return req.GetPwd()
}

func (h *nodeHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	opts, err := parseRuntimeOptions(req.GetInfo())
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	dir := programDirectory(req)
	runPath, err := resolveModule(ctx, dir, "@pulumi/pulumi/cmd/run")
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}

	args := append([]string{}, opts.nodeArgs...)
	args = append(args, runPath)
	flagIfSet := func(name, value string) {
		if value != "" {
			args = append(args, "--"+name, value)
		}
	}
	flagIfSet("monitor", req.GetMonitorAddress())
	flagIfSet("engine", h.engine())
	flagIfSet("organization", req.GetOrganization())
	flagIfSet("project", req.GetProject())
	flagIfSet("root-directory", req.GetInfo().GetRootDirectory())
	flagIfSet("stack", req.GetStack())
	flagIfSet("pwd", dir)
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	flagIfSet("parallel", strconv.Itoa(int(req.GetParallel())))
	entryPoint := req.GetInfo().GetEntryPoint()
	if entryPoint == "" {
		entryPoint = req.GetProgram()
	}
	if entryPoint == "" {
		entryPoint = "."
	}
	args = append(args, entryPoint)
	args = append(args, req.GetArgs()...)

	configMap := req.GetConfig()
	if configMap == nil {
		// The SDK parses PULUMI_CONFIG as an object; `null` fails.
		configMap = map[string]string{}
	}
	config, err := json.Marshal(configMap)
	if err != nil {
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("serialize configuration: %v", err)}, nil
	}
	secretKeys := req.GetConfigSecretKeys()
	if secretKeys == nil {
		secretKeys = []string{}
	}
	secretKeysJSON, err := json.Marshal(secretKeys)
	if err != nil {
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("serialize secret configuration keys: %v", err)}, nil
	}

	cmd := exec.CommandContext(ctx, "node", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PULUMI_CONFIG="+string(config), "PULUMI_CONFIG_SECRET_KEYS="+string(secretKeysJSON))
	cmd.Env = append(cmd.Env, opts.env()...)
	// Node may switch an inherited descriptor to non-blocking mode, which would corrupt
	// our own output; wrapping the writers makes exec hand node fresh pipes instead.
	cmd.Stdout = struct{ io.Writer }{os.Stdout}
	cmd.Stderr = struct{ io.Writer }{os.Stderr}
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 5 * time.Second
	logging.V(5).Infof("launching program: node %s", strings.Join(args, " "))

	if err := cmd.Run(); err != nil {
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			if exitErr.ExitCode() == exitCodeAfterUserActionableMessage {
				return &pulumirpc.RunResponse{Bail: true}, nil
			}
			return &pulumirpc.RunResponse{
				Error: fmt.Sprintf("Program exited with non-zero exit code: %d", exitErr.ExitCode()),
			}, nil
		}
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("could not run node: %v", err)}, nil
	}
	return &pulumirpc.RunResponse{}, nil
}

// policyShimPath finds the pulumi-analyzer-policy script installed beside this binary,
// falling back to the PATH.
func policyShimPath() (string, error) {
	if self, err := os.Executable(); err == nil {
		candidate := filepath.Join(filepath.Dir(self), policyShim)
		if _, err := os.Stat(candidate); err == nil {
			return candidate, nil
		}
	}
	path, err := exec.LookPath(policyShim)
	if err != nil {
		return "", fmt.Errorf("%s not found beside %s nor on the PATH: %w", policyShim, os.Args[0], err)
	}
	return path, nil
}

// RunPlugin starts a plugin written in Node.js. Policy packs (kind "analyzer") start
// through the pulumi-analyzer-policy shim with the pack directory as working directory;
// the engine first sends the stack configuration to a proxy, which is handed to the pack
// as the PULUMI_NODEJS_* variables @pulumi/policy reads.
func (h *nodeHost) RunPlugin(
	req *pulumirpc.RunPluginRequest, server grpc.ServerStreamingServer[pulumirpc.RunPluginResponse],
) error {
	ctx := server.Context()
	closer, stdout, stderr, err := rpcutil.MakeRunPluginStreams(server, false)
	if err != nil {
		return err
	}
	defer closer.Close()

	opts, err := parseRuntimeOptions(req.GetInfo())
	if err != nil {
		return err
	}
	dir := req.GetInfo().GetProgramDirectory()
	env := append(append([]string{}, req.GetEnv()...), opts.env()...)

	if req.GetKind() != string(apitype.AnalyzerPlugin) {
		runPath, err := resolveModule(ctx, dir, "@pulumi/pulumi/cmd/run-plugin")
		if err != nil {
			return err
		}
		args := append(append([]string{}, opts.nodeArgs...), runPath, dir)
		args = append(args, req.GetArgs()...)
		cmd := exec.CommandContext(ctx, "node", args...)
		cmd.Dir = req.GetPwd()
		cmd.Env = env
		cmd.Stdout, cmd.Stderr = stdout, stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("plugin %s: %w", req.GetName(), err)
		}
		return closer.Close()
	}

	shim, err := policyShimPath()
	if err != nil {
		return err
	}
	proxy, packStdout, err := sdk.NewPolicyProxy(ctx, stdout)
	if err != nil {
		return fmt.Errorf("start policy pack proxy: %w", err)
	}
	stack, err := proxy.AwaitConfiguration(ctx)
	if err != nil {
		return fmt.Errorf("receive stack configuration: %w", err)
	}
	if stack != nil {
		setIfSet := func(k, v string) {
			if v != "" {
				env = append(env, k+"="+v)
			}
		}
		setIfSet("PULUMI_NODEJS_ORGANIZATION", stack.GetOrganization())
		setIfSet("PULUMI_NODEJS_PROJECT", stack.GetProject())
		setIfSet("PULUMI_NODEJS_STACK", stack.GetStack())
		setIfSet("PULUMI_NODEJS_DRY_RUN", strconv.FormatBool(stack.GetDryRun()))
		if stack.GetConfig() != nil {
			config, err := json.Marshal(stack.GetConfig())
			if err != nil {
				return fmt.Errorf("serialize stack configuration: %w", err)
			}
			env = append(env, "PULUMI_CONFIG="+string(config))
		}
	}
	if len(opts.nodeArgs) > 0 {
		env = append(env, "NODE_OPTIONS="+strings.Join(opts.nodeArgs, " "))
	}

	args := append(append([]string{}, req.GetArgs()...), dir)
	cmd := exec.CommandContext(ctx, shim, args...)
	cmd.Dir = dir
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = packStdout, stderr
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start %s: %w", shim, err)
	}
	if err := proxy.Attach(ctx, cmd); err != nil {
		return fmt.Errorf("policy pack %s: %w", req.GetName(), err)
	}
	return closer.Close()
}
