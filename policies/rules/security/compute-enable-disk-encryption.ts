import { resourceRule, copyProps } from "../../core/define";
import { cisAws } from "../../core/rule";
import { isTrue, list, obj } from "../../core/props";

/** Unencrypted volumes and their snapshots are readable by anyone who can copy them. */
interface Config {
    requireEncryptionAtHost: boolean;
}

export const computeEnableDiskEncryption = resourceRule<Config>({
    name: "compute-enable-disk-encryption",
    description: "VM disks are encrypted: AWS EBS volumes, launch template and instance block devices `encrypted`; with `requireEncryptionAtHost`, Azure scale sets and VMs `encryptionAtHost` too (Azure managed disks and Google Cloud disks are always encrypted at rest).",
    severity: "high",
    remediation: "AWS: `encrypted: true` on every `ebs` block device (or turn on EBS encryption by default for the account); Azure: `securityProfile.encryptionAtHost: true`.",
    topics: ["instance-hardening"],
    frameworks: [cisAws("2.2.1")],
    checkov: ["CKV_AWS_3", "CKV_AWS_8", "CKV_AZURE_97"],
    trivy: ["AWS-0026", "AWS-0008", "AWS-0131", "AZU-0038"],
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            requireEncryptionAtHost: { type: "boolean", default: false, description: "Also require Azure encryption at host (temp disks and caches); needs the EncryptionAtHost feature on the subscription." },
        },
    },
    resourceTypes: [
        "aws:ec2/launchTemplate:LaunchTemplate",
        "aws:ec2/instance:Instance",
        "aws:ec2/launchConfiguration:LaunchConfiguration",
        "aws:ebs/volume:Volume",
        "azure-native:compute:VirtualMachineScaleSet",
        "azure-native:compute:VirtualMachine",
    ],
    check: ({ type, props, config }, report) => {
        switch (type) {
            case "aws:ec2/launchTemplate:LaunchTemplate":
                list(props.blockDeviceMappings).forEach((m, i) => {
                    if (m.ebs !== undefined && !isTrue(obj(m.ebs).encrypted) && !obj(m.ebs).snapshotId) report(`blockDeviceMappings[${i}].ebs.encrypted is not "true".`);
                });
                return;
            case "aws:ec2/instance:Instance":
            case "aws:ec2/launchConfiguration:LaunchConfiguration":
                if (props.rootBlockDevice !== undefined && !isTrue(obj(props.rootBlockDevice).encrypted)) report("rootBlockDevice.encrypted is not true.");
                list(props.ebsBlockDevices).forEach((d, i) => {
                    if (!isTrue(d.encrypted)) report(`ebsBlockDevices[${i}].encrypted is not true.`);
                });
                return;
            case "aws:ebs/volume:Volume":
                if (!isTrue(props.encrypted)) report("encrypted is not true.");
                return;
            case "azure-native:compute:VirtualMachineScaleSet":
                if (config.requireEncryptionAtHost && !isTrue(obj(obj(props.virtualMachineProfile).securityProfile).encryptionAtHost)) report("virtualMachineProfile.securityProfile.encryptionAtHost is not true; temp disks and caches are not encrypted.");
                return;
            case "azure-native:compute:VirtualMachine":
                if (config.requireEncryptionAtHost && !isTrue(obj(props.securityProfile).encryptionAtHost)) report("securityProfile.encryptionAtHost is not true; temp disks and caches are not encrypted.");
                return;
        }
    },
    remediate: ({ type, props }) => {
        if (type === "aws:ebs/volume:Volume" && !isTrue(props.encrypted) && !props.snapshotId) return { ...copyProps(props), encrypted: true };
        if (type !== "aws:ec2/launchTemplate:LaunchTemplate") return undefined;
        const mappings = list(props.blockDeviceMappings);
        if (!mappings.some((m) => m.ebs !== undefined && !isTrue(obj(m.ebs).encrypted) && !obj(m.ebs).snapshotId)) return undefined;
        const fixed = copyProps(props);
        for (const m of list(fixed.blockDeviceMappings)) if (m.ebs !== undefined && !m.ebs.snapshotId) m.ebs.encrypted = "true";
        return fixed;
    },
});
