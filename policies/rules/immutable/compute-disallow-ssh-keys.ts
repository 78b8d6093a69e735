import { resourceRule } from "../../core/define";
import { cisGcp } from "../../core/rule";
import { isTrue, list, obj } from "../../core/props";

/** Immutable hosts are replaced, never logged into: no key pair, no project SSH keys, no serial console. */
export const computeDisallowSshKeys = resourceRule({
    name: "compute-disallow-ssh-keys",
    description: "Instance templates, launch templates and scale sets carry no SSH key pair, metadata SSH keys or serial-port access.",
    severity: "high",
    remediation: "Drop `keyName` (AWS), `ssh-keys`/`serial-port-enable` metadata and set `block-project-ssh-keys: \"true\"` (Google Cloud), drop `linuxConfiguration.ssh.publicKeys` (Azure). Debug through SSM Session Manager, IAP or the serial log, then fix the image.",
    topics: ["immutable-hosts"],
    frameworks: [cisGcp("4.3"), cisGcp("4.5")],
    checkov: ["CKV_GCP_32", "CKV_GCP_35"],
    trivy: ["GCP-0030"],
    enforcementLevel: "advisory",
    resourceTypes: [
        "aws:ec2/launchTemplate:LaunchTemplate",
        "aws:ec2/launchConfiguration:LaunchConfiguration",
        "aws:ec2/instance:Instance",
        "gcp:compute/instanceTemplate:InstanceTemplate",
        "gcp:compute/regionInstanceTemplate:RegionInstanceTemplate",
        "gcp:compute/instance:Instance",
        "azure-native:compute:VirtualMachineScaleSet",
    ],
    check: ({ type, props }, report) => {
        if (type.startsWith("aws:")) {
            if (props.keyName) report(`keyName "${props.keyName}" installs an SSH key pair on the hosts.`);
        } else if (type.startsWith("gcp:")) {
            const metadata = obj(props.metadata);
            if (metadata["ssh-keys"] !== undefined || metadata.sshKeys !== undefined) report("metadata carries ssh-keys.");
            if (isTrue(metadata["serial-port-enable"])) report("metadata serial-port-enable is true; the interactive serial console is reachable.");
            if (!isTrue(metadata["block-project-ssh-keys"]) && !isTrue(metadata["enable-oslogin"])) report("metadata block-project-ssh-keys is not \"true\"; project-wide SSH keys work on these hosts.");
        } else {
            const keys = list(obj(obj(obj(obj(props.virtualMachineProfile).osProfile).linuxConfiguration).ssh).publicKeys);
            if (keys.length > 0) report(`virtualMachineProfile.osProfile.linuxConfiguration.ssh.publicKeys installs ${keys.length} SSH key(s).`);
        }
    },
});
