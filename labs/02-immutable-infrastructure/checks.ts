import { LabDefinition, findingsOf, inputAt, noBlockingFindings, resourcesOfType } from "../../cli/lab/objectives";
import type { PlanResult } from "../../cli/plan";

const RELEASE_2 = "ami-0a1b2c3d4e5f60002";

const group = (result: PlanResult) => resourcesOfType(result, "aws:autoscaling/group:Group")[0];
const launchTemplate = (result: PlanResult) => resourcesOfType(result, "aws:ec2/launchTemplate:LaunchTemplate")[0];

const lab: LabDefinition = {
    title: "Immutable infrastructure",
    minutes: 30,
    objectives: [
        {
            id: "nothing-installed-at-boot",
            title: "The startup script installs nothing: the image is baked",
            hint: "Delete the `apt-get ...` line of startupScript: nginx is in the image, and a boot-time install can differ between two instances of one release.",
            check: (result) => {
                const found = findingsOf(result, "compute-disallow-boot-time-package-installs");
                return found.length === 0 || found[0].message;
            },
        },
        {
            id: "survives-a-zone",
            title: "At least two instances, room to grow to six",
            hint: "Set `minSize: 2` and `maxSize: 6`: the group spreads them over the network's three zones.",
            check: (result) => {
                const asg = group(result);
                const min = inputAt(asg, "minSize");
                const max = inputAt(asg, "maxSize");
                return (typeof min === "number" && min >= 2 && typeof max === "number" && max >= 6) || `minSize ${String(min)}, maxSize ${String(max)}`;
            },
        },
        {
            id: "runs-release-2",
            title: `The group runs release 2 (${RELEASE_2})`,
            hint: `Set \`image: ${RELEASE_2}\` in Pulumi.dev.yaml: a new release is a new image, never a change on a running instance.`,
            check: (result) => {
                const image = inputAt(launchTemplate(result), "imageId");
                return image === RELEASE_2 || `the launch template's imageId is ${String(image)}`;
            },
        },
        {
            id: "red-black",
            title: "Release 2 rolls red-black: a new group beside the old one",
            hint: "Set `rollout: red-black` in Pulumi.dev.yaml. The Auto Scaling group is then named after the release, and waits for every new instance to be healthy behind the load balancer.",
            check: (result) => {
                const asg = group(result);
                const waits = inputAt(asg, "waitForElbCapacity");
                return waits !== undefined || `the Auto Scaling group "${String(inputAt(asg, "name"))}" is replaced in place (rolling)`;
            },
        },
        {
            id: "nobody-logs-in",
            title: "Nobody logs in: no SSH key, IMDSv2 only, no port 22",
            hint: "Do not add a key pair or an SSH rule through a transform: fix an instance by baking a new image.",
            check: (result) => {
                const lt = launchTemplate(result);
                if (inputAt(lt, "keyName") !== undefined) return `the launch template has keyName ${String(inputAt(lt, "keyName"))}`;
                if (inputAt(lt, "metadataOptions.httpTokens") !== "required") return "IMDSv1 is allowed (metadataOptions.httpTokens is not required)";
                const ssh = resourcesOfType(result, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").find((r) => {
                    const from = inputAt(r, "fromPort");
                    const to = inputAt(r, "toPort");
                    return typeof from === "number" && typeof to === "number" && from <= 22 && to >= 22;
                });
                return ssh === undefined || `${ssh.name} opens port 22`;
            },
        },
        noBlockingFindings(),
    ],
};

export default lab;
