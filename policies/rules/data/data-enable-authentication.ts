import { resourceRule } from "../../core/define";
import * as d from "../../core/data";
import { isTrue, obj } from "../../core/props";

/** Anyone who reaches a cache or broker without auth can read and change everything in it. */
export const dataEnableAuthentication = resourceRule({
    name: "data-enable-authentication",
    description: "Caches and brokers require clients to authenticate: ElastiCache AUTH or RBAC users, Memorystore AUTH / IAM, MSK IAM, SASL or mTLS (no unauthenticated access), Strimzi listeners with authentication.",
    severity: "high",
    remediation: "ElastiCache: `authToken` or write-only `authTokenWo` (with transit encryption) or `userGroupIds`; Memorystore: `authEnabled: true` / cluster `authorizationMode: \"AUTH_MODE_IAM_AUTH\"`; MSK: `clientAuthentication: { sasl: { iam: true }, unauthenticated: false }`; Strimzi: `authentication: { type: \"scram-sha-512\" | \"tls\" }` on each listener.",
    topics: ["data-protection"],
    frameworks: [],
    checkov: ["CKV_AWS_31", "CKV_GCP_95"],
    trivy: [],
    enforcementLevel: "mandatory",
    resourceTypes: [d.ELASTICACHE, d.MEMORYSTORE, d.MEMORYSTORE_CLUSTER, d.MSK, ...d.STRIMZI_KAFKA],
    check: ({ type, props }, report) => {
        switch (type) {
            case d.ELASTICACHE:
                // authTokenWo is the write-only form: the token reaches ElastiCache but never the state.
                if (!props.authToken && !props.authTokenWo && !(Array.isArray(props.userGroupIds) && props.userGroupIds.length > 0)) {
                    report("neither authToken (or authTokenWo) nor userGroupIds is set; any client on the network can connect.");
                }
                return;
            case d.MEMORYSTORE:
                if (!isTrue(props.authEnabled)) report("authEnabled is not true; any client on the network can connect.");
                return;
            case d.MEMORYSTORE_CLUSTER:
                if (props.authorizationMode !== "AUTH_MODE_IAM_AUTH") report(`authorizationMode is ${props.authorizationMode ?? "unset (AUTH_MODE_DISABLED)"}.`);
                return;
            case d.MSK: {
                const auth = obj(props.clientAuthentication);
                if (isTrue(auth.unauthenticated)) report("clientAuthentication.unauthenticated is true.");
                else if (props.clientAuthentication === undefined) report("clientAuthentication is unset; clients connect without authentication.");
                return;
            }
            default:
                d.strimziListeners(props).forEach((l, i) => {
                    if (l.authentication === undefined) report(`spec.kafka.listeners[${i}] (${l.name}) has no authentication.`);
                });
        }
    },
});
