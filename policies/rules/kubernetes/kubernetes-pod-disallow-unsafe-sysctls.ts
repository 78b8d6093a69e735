import { list, obj } from "../../core/props";
import { pss } from "../../core/rule";
import { podRule } from "./pod-rule";

export const SAFE_SYSCTLS = [
    "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies",
    "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
    "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes",
];

export const kubernetesPodDisallowUnsafeSysctls = podRule({
    name: "kubernetes-pod-disallow-unsafe-sysctls",
    description: "Pods set only the namespaced, safe sysctls (Pod Security Standards baseline).",
    severity: "medium",
    remediation: "Remove sysctls outside the safe set from `securityContext.sysctls`.",
    topics: ["pod-security"],
    frameworks: [pss("baseline", "sysctls")],
    checkov: [],
    trivy: ["KSV-0026"],
    enforcementLevel: "mandatory",
    checkPod: (pod, report) => {
        list(obj(pod.spec.securityContext).sysctls).forEach((s, i) => {
            if (!SAFE_SYSCTLS.includes(String(s.name))) report(`${pod.path}.securityContext.sysctls[${i}] sets unsafe sysctl ${s.name}.`);
        });
    },
});
