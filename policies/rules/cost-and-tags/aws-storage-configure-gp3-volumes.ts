import { resourceRule, copyProps } from "../../core/define";
import { list, obj } from "../../core/props";

/** gp3 is 20% cheaper than gp2 with a 3,000 IOPS baseline independent of size. */
export const awsStorageConfigureGp3Volumes = resourceRule({
    name: "aws-storage-configure-gp3-volumes",
    description: "EBS volumes, launch template and instance block devices and RDS storage use gp3 rather than gp2.",
    severity: "low",
    remediation: "Set `volumeType: \"gp3\"` (EBS `type: \"gp3\"`, RDS `storageType: \"gp3\"`); gp2 volumes convert in place.",
    topics: ["cost-control"],
    frameworks: [],
    checkov: [],
    trivy: [],
    enforcementLevel: "advisory",
    resourceTypes: ["aws:ebs/volume:Volume", "aws:ec2/launchTemplate:LaunchTemplate", "aws:ec2/instance:Instance", "aws:rds/instance:Instance"],
    check: ({ type, props }, report) => {
        switch (type) {
            case "aws:ebs/volume:Volume":
                if (props.type === undefined || props.type === "gp2") report(`type is ${props.type === undefined ? "unset (gp2)" : "gp2"}; use gp3.`);
                return;
            case "aws:ec2/launchTemplate:LaunchTemplate":
                list(props.blockDeviceMappings).forEach((m, i) => {
                    if (obj(m.ebs).volumeType === "gp2") report(`blockDeviceMappings[${i}].ebs.volumeType is gp2; use gp3.`);
                });
                return;
            case "aws:ec2/instance:Instance":
                if (obj(props.rootBlockDevice).volumeType === "gp2") report("rootBlockDevice.volumeType is gp2; use gp3.");
                list(props.ebsBlockDevices).forEach((d, i) => {
                    if (d.volumeType === "gp2") report(`ebsBlockDevices[${i}].volumeType is gp2; use gp3.`);
                });
                return;
            default:
                if (props.storageType === "gp2") report("storageType is gp2; use gp3.");
        }
    },
    remediate: ({ type, props }) => {
        const fixed = copyProps(props);
        let changed = false;
        if (type === "aws:ebs/volume:Volume" && (props.type === undefined || props.type === "gp2")) [fixed.type, changed] = ["gp3", true];
        if (type === "aws:rds/instance:Instance" && props.storageType === "gp2") [fixed.storageType, changed] = ["gp3", true];
        if (type === "aws:ec2/launchTemplate:LaunchTemplate") {
            for (const m of list(fixed.blockDeviceMappings)) if (obj(m.ebs).volumeType === "gp2") [m.ebs.volumeType, changed] = ["gp3", true];
        }
        if (type === "aws:ec2/instance:Instance") {
            if (obj(fixed.rootBlockDevice).volumeType === "gp2") [fixed.rootBlockDevice.volumeType, changed] = ["gp3", true];
            for (const d of list(fixed.ebsBlockDevices)) if (d.volumeType === "gp2") [d.volumeType, changed] = ["gp3", true];
        }
        return changed ? fixed : undefined;
    },
});
