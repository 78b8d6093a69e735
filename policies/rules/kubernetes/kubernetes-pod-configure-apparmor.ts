import { containers } from "../../core/kubernetes";
import { obj } from "../../core/props";
import { pss } from "../../core/rule";
import { podRule } from "./pod-rule";

const ANNOTATION = "container.apparmor.security.beta.kubernetes.io/";

export const kubernetesPodConfigureApparmor = podRule({
    name: "kubernetes-pod-configure-apparmor",
    description: "Pods do not turn AppArmor off: profiles are RuntimeDefault or Localhost, never Unconfined (Pod Security Standards baseline).",
    severity: "medium",
    remediation: "Remove `appArmorProfile: { type: \"Unconfined\" }` and `unconfined` AppArmor annotations; use `RuntimeDefault`.",
    topics: ["pod-security"],
    frameworks: [pss("baseline", "AppArmor")],
    checkov: [],
    trivy: ["KSV-0002"],
    enforcementLevel: "mandatory",
    checkPod: (pod, report) => {
        for (const [key, value] of Object.entries(obj(pod.metadata.annotations))) {
            if (key.startsWith(ANNOTATION) && value !== "runtime/default" && !String(value).startsWith("localhost/")) report(`annotation ${key} is "${value}".`);
        }
        const check = (path: string, ctx: unknown) => {
            const type = obj(obj(ctx).appArmorProfile).type;
            if (type !== undefined && type !== "RuntimeDefault" && type !== "Localhost") report(`${path}.appArmorProfile.type is "${type}".`);
        };
        check(`${pod.path}.securityContext`, pod.spec.securityContext);
        for (const c of containers(pod)) check(`${c.path}.securityContext`, c.container.securityContext);
    },
});
