import { containers } from "../../core/kubernetes";
import { obj } from "../../core/props";
import { pss } from "../../core/rule";
import { podRule } from "./pod-rule";

const ALLOWED_TYPES = ["container_t", "container_init_t", "container_kvm_t", "container_engine_t"];

export const kubernetesPodConfigureSelinux = podRule({
    name: "kubernetes-pod-configure-selinux",
    description: "Pods set no custom SELinux user or role and only the container_* types (Pod Security Standards baseline).",
    severity: "medium",
    remediation: "Remove `seLinuxOptions.user`/`role` and use one of container_t, container_init_t, container_kvm_t, container_engine_t (or leave seLinuxOptions unset).",
    topics: ["pod-security"],
    frameworks: [pss("baseline", "SELinux")],
    checkov: [],
    trivy: ["KSV-0025"],
    enforcementLevel: "mandatory",
    checkPod: (pod, report) => {
        const check = (path: string, ctx: unknown) => {
            const options = obj(obj(ctx).seLinuxOptions);
            if (options.type !== undefined && !ALLOWED_TYPES.includes(String(options.type))) report(`${path}.seLinuxOptions.type is "${options.type}".`);
            if (options.user !== undefined) report(`${path}.seLinuxOptions.user is set.`);
            if (options.role !== undefined) report(`${path}.seLinuxOptions.role is set.`);
        };
        check(`${pod.path}.securityContext`, pod.spec.securityContext);
        for (const c of containers(pod)) check(`${c.path}.securityContext`, c.container.securityContext);
    },
});
