import { resourceRule } from "../../core/define";
import { isFalse, obj } from "../../core/props";

/** Passwords can be guessed and sprayed; keys (or no interactive login at all) cannot. */
export const computeDisallowPasswordAuthentication = resourceRule({
    name: "compute-disallow-password-authentication",
    description: "Linux VMs and scale sets on Azure disable password authentication.",
    severity: "high",
    remediation: "Set `osProfile.linuxConfiguration.disablePasswordAuthentication: true` and drop `adminPassword`; sign in with Entra ID (AADSSHLoginForLinux) or not at all on immutable hosts.",
    topics: ["instance-hardening"],
    frameworks: [],
    checkov: ["CKV_AZURE_1", "CKV_AZURE_49", "CKV_AZURE_149"],
    trivy: ["AZU-0039"],
    enforcementLevel: "mandatory",
    resourceTypes: ["azure-native:compute:VirtualMachineScaleSet", "azure-native:compute:VirtualMachine"],
    check: ({ type, props }, report) => {
        const os = type === "azure-native:compute:VirtualMachineScaleSet" ? obj(obj(props.virtualMachineProfile).osProfile) : obj(props.osProfile);
        const prefix = type === "azure-native:compute:VirtualMachineScaleSet" ? "virtualMachineProfile.osProfile" : "osProfile";
        if (os.windowsConfiguration !== undefined) return;
        const linux = obj(os.linuxConfiguration);
        if (isFalse(linux.disablePasswordAuthentication)) report(`${prefix}.linuxConfiguration.disablePasswordAuthentication is false.`);
        else if (os.adminPassword !== undefined && linux.disablePasswordAuthentication === undefined) {
            report(`${prefix}.adminPassword is set and disablePasswordAuthentication is unset; password logins are allowed.`);
        }
    },
});
