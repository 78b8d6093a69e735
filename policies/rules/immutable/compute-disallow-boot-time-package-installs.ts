import { resourceRule } from "../../core/define";
import { obj, userDataText } from "../../core/props";

const INSTALL = /\b(apt-get|apt|yum|dnf|zypper|apk)\s+(-\S+\s+)*(install|upgrade|update)\b|\bpip3?\s+install\b|\bnpm\s+(install|i)\s+-g\b|\b(curl|wget)\b[^\n|]*\|\s*(sudo\s+)?(ba)?sh\b/;

/** Packages installed at boot make every host a fresh, unreviewed build, and slow the rollout. */
export const computeDisallowBootTimePackageInstalls = resourceRule({
    name: "compute-disallow-boot-time-package-installs",
    description: "User data and startup scripts configure a baked image; they do not install or upgrade packages or pipe downloads into a shell.",
    severity: "low",
    remediation: "Bake packages into the image (Packer, EC2 Image Builder, Azure Image Builder) and keep user data to configuration only.",
    topics: ["immutable-hosts"],
    frameworks: [],
    checkov: [],
    trivy: [],
    enforcementLevel: "advisory",
    resourceTypes: [
        "aws:ec2/launchTemplate:LaunchTemplate",
        "gcp:compute/instanceTemplate:InstanceTemplate",
        "gcp:compute/regionInstanceTemplate:RegionInstanceTemplate",
        "azure-native:compute:VirtualMachineScaleSet",
    ],
    check: ({ type, props }, report) => {
        const scripts: Array<[string, unknown]> =
            type === "aws:ec2/launchTemplate:LaunchTemplate"
                ? [["userData", props.userData]]
                : type.startsWith("gcp:")
                  ? [["metadataStartupScript", props.metadataStartupScript], ['metadata["startup-script"]', obj(props.metadata)["startup-script"]], ['metadata["user-data"]', obj(props.metadata)["user-data"]]]
                  : [["virtualMachineProfile.osProfile.customData", obj(obj(props.virtualMachineProfile).osProfile).customData]];
        for (const [field, value] of scripts) {
            const m = INSTALL.exec(userDataText(value));
            if (m) report(`${field} runs "${m[0].trim()}" at boot; bake it into the image.`);
        }
    },
});
