import { containers } from "../../core/kubernetes";
import { list } from "../../core/props";
import { pss } from "../../core/rule";
import { podRule } from "./pod-rule";

interface Config {
    allowedHostPorts: number[];
}

export const kubernetesPodDisallowHostPorts = podRule<Config>({
    name: "kubernetes-pod-disallow-host-ports",
    description: "Containers bind no host ports, apart from `allowedHostPorts` (Pod Security Standards baseline).",
    severity: "medium",
    remediation: "Remove `ports[].hostPort`; expose the pod through a Service.",
    topics: ["pod-security"],
    frameworks: [pss("baseline", "host-ports")],
    checkov: ["CKV_K8S_26"],
    trivy: ["KSV-0024"],
    enforcementLevel: "mandatory",
    configSchema: { properties: { allowedHostPorts: { type: "array", items: { type: "integer" }, default: [], description: "Host ports accepted anyway." } } },
    checkPod: (pod, report, { config }) => {
        for (const c of containers(pod)) {
            list(c.container.ports).forEach((p, i) => {
                if (p.hostPort !== undefined && Number(p.hostPort) !== 0 && !config.allowedHostPorts.includes(Number(p.hostPort))) report(`${c.path}.ports[${i}].hostPort is ${p.hostPort}.`);
            });
        }
    },
});
