import { resourceRule } from "../../core/define";
import { findCredential, obj, userDataText } from "../../core/props";

/** User data is readable by anyone who can describe the instance or reach its metadata service. */
export const computeDisallowSecretsInUserData = resourceRule({
    name: "compute-disallow-secrets-in-user-data",
    description: "User data, startup scripts and custom data hold no credentials (cloud keys, private keys, tokens, passwords).",
    severity: "critical",
    remediation: "Fetch secrets at boot from Secrets Manager / SSM, Secret Manager or Key Vault with the instance's identity; pass only the secret's name or ARN in user data.",
    topics: ["secrets"],
    frameworks: [],
    checkov: ["CKV_AWS_46"],
    trivy: ["AWS-0029", "AWS-0129", "AZU-0037"],
    enforcementLevel: "mandatory",
    resourceTypes: [
        "aws:ec2/launchTemplate:LaunchTemplate",
        "aws:ec2/instance:Instance",
        "aws:ec2/launchConfiguration:LaunchConfiguration",
        "gcp:compute/instanceTemplate:InstanceTemplate",
        "gcp:compute/regionInstanceTemplate:RegionInstanceTemplate",
        "gcp:compute/instance:Instance",
        "azure-native:compute:VirtualMachineScaleSet",
        "azure-native:compute:VirtualMachine",
    ],
    check: ({ type, props }, report) => {
        const scripts: Array<[string, unknown]> = [];
        if (type.startsWith("aws:")) {
            scripts.push(["userData", props.userData], ["userDataBase64", props.userDataBase64]);
        } else if (type.startsWith("gcp:")) {
            scripts.push(["metadataStartupScript", props.metadataStartupScript]);
            const metadata = obj(props.metadata);
            for (const key of ["startup-script", "user-data", "windows-startup-script-ps1", "sysprep-specialize-script-ps1"]) {
                scripts.push([`metadata["${key}"]`, metadata[key]]);
            }
        } else {
            const profile = type === "azure-native:compute:VirtualMachineScaleSet" ? obj(props.virtualMachineProfile) : props;
            const prefix = type === "azure-native:compute:VirtualMachineScaleSet" ? "virtualMachineProfile." : "";
            scripts.push([`${prefix}osProfile.customData`, obj(profile.osProfile).customData], [`${prefix}userData`, profile.userData]);
        }
        for (const [field, value] of scripts) {
            const found = findCredential(userDataText(value));
            if (found) report(`${field} contains ${found}; read secrets at boot from a secret store instead.`);
        }
    },
});
