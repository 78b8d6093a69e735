/** How a kubeconfig's user authenticates: a bearer token, or a credential plugin. */
export type KubeconfigUser =
    | { token: string }
    | { exec: { command: string; args: string[]; env?: Array<{ name: string; value: string }>; installHint: string; provideClusterInfo?: boolean } };

/**
 * A single-cluster kubeconfig, rendered as JSON (a YAML subset every Kubernetes client
 * reads). Pure: callers apply it over the cluster's Outputs.
 */
export function renderKubeconfig(cluster: { name: string; server: string; certificateAuthorityData: string }, user: KubeconfigUser): string {
    const userEntry =
        "token" in user
            ? { token: user.token }
            : {
                  exec: {
                      apiVersion: "client.authentication.k8s.io/v1beta1",
                      command: user.exec.command,
                      args: user.exec.args,
                      env: user.exec.env ?? null,
                      interactiveMode: "IfAvailable",
                      installHint: user.exec.installHint,
                      provideClusterInfo: user.exec.provideClusterInfo ?? false,
                  },
              };
    return JSON.stringify(
        {
            apiVersion: "v1",
            kind: "Config",
            clusters: [{ name: cluster.name, cluster: { server: cluster.server, "certificate-authority-data": cluster.certificateAuthorityData } }],
            contexts: [{ name: cluster.name, context: { cluster: cluster.name, user: cluster.name } }],
            "current-context": cluster.name,
            users: [{ name: cluster.name, user: userEntry }],
        },
        null,
        2,
    );
}
