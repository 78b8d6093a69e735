import { resourceRule } from "../../core/define";
import { list, obj } from "../../core/props";

function isFloatingGcpImage(image: unknown): boolean {
    return typeof image === "string" && (/(^|\/)family\//.test(image) || /\/images\/family\//.test(image));
}

/** A family or "latest" reference resolves per launch: hosts of one template run different images. */
export const computeImageDisallowFloatingReferences = resourceRule({
    name: "compute-image-disallow-floating-references",
    description: "Templates name one exact baked image: no Google Cloud image families, no Azure `version: \"latest\"` or unversioned gallery images, no AWS `resolve:ssm:` image ids.",
    severity: "medium",
    remediation: "Resolve the image once in the program (e.g. `aws.ec2.getAmi`, `gcp.compute.getImage`, a gallery image version) and pass its id, so a new image is a visible template change that rolls the group.",
    topics: ["immutable-hosts"],
    frameworks: [],
    checkov: [],
    trivy: [],
    enforcementLevel: "advisory",
    resourceTypes: [
        "aws:ec2/launchTemplate:LaunchTemplate",
        "gcp:compute/instanceTemplate:InstanceTemplate",
        "gcp:compute/regionInstanceTemplate:RegionInstanceTemplate",
        "gcp:compute/instance:Instance",
        "azure-native:compute:VirtualMachineScaleSet",
        "azure-native:compute:VirtualMachine",
    ],
    check: ({ type, props }, report) => {
        if (type === "aws:ec2/launchTemplate:LaunchTemplate") {
            if (typeof props.imageId === "string" && props.imageId.startsWith("resolve:ssm:")) report(`imageId "${props.imageId}" resolves at each launch.`);
        } else if (type === "gcp:compute/instance:Instance") {
            const image = obj(obj(props.bootDisk).initializeParams).image;
            if (isFloatingGcpImage(image)) report(`bootDisk.initializeParams.image "${image}" is an image family.`);
        } else if (type.startsWith("gcp:")) {
            list(props.disks).forEach((d, i) => {
                if (isFloatingGcpImage(d.sourceImage)) report(`disks[${i}].sourceImage "${d.sourceImage}" is an image family; each new instance may get a newer image.`);
            });
        } else {
            const storage = type === "azure-native:compute:VirtualMachineScaleSet" ? obj(obj(props.virtualMachineProfile).storageProfile) : obj(props.storageProfile);
            const ref = obj(storage.imageReference);
            if (String(ref.version ?? "").toLowerCase() === "latest") report("storageProfile.imageReference.version is \"latest\".");
            for (const key of ["id", "sharedGalleryImageId", "communityGalleryImageId"]) {
                const id = ref[key];
                if (typeof id === "string" && /\/galleries\/|\/Images\//i.test(id) && !/\/versions\/[^/]+$/i.test(id)) report(`storageProfile.imageReference.${key} names a gallery image without a version.`);
            }
        }
    },
});
