import { KNATIVE_TYPES, containers, podTemplate } from "./kubernetes";
import { Props, list, obj } from "./props";

export const LAMBDA = "aws:lambda/function:Function";
export const GCF2 = "gcp:cloudfunctionsv2/function:Function";
export const GCF1 = "gcp:cloudfunctions/function:Function";
export const CLOUD_RUN = "gcp:cloudrunv2/service:Service";
export const WEB_APP = "azure-native:web:WebApp";
export const KNATIVE_SERVICE = "kubernetes:serving.knative.dev/v1:Service";

/** Function-like resources of every cloud. */
export const FUNCTION_TYPES = [LAMBDA, GCF2, GCF1, CLOUD_RUN, WEB_APP, ...KNATIVE_TYPES];

/** Azure App Service apps that are function apps (`kind` contains "functionapp"). */
export function isFunctionApp(props: Props): boolean {
    return String(props.kind ?? "").toLowerCase().includes("functionapp");
}

/** Every literal environment variable a function declares, with where it sits. */
export function functionEnvironment(type: string, props: Props): Array<{ field: string; name: string; value: unknown }> {
    const out: Array<{ field: string; name: string; value: unknown }> = [];
    const map = (field: string, vars: unknown) => {
        for (const [name, value] of Object.entries(obj(vars))) out.push({ field: `${field}.${name}`, name, value });
    };
    switch (type) {
        case LAMBDA:
            map("environment.variables", obj(props.environment).variables);
            break;
        case GCF2:
            map("serviceConfig.environmentVariables", obj(props.serviceConfig).environmentVariables);
            map("buildConfig.environmentVariables", obj(props.buildConfig).environmentVariables);
            break;
        case GCF1:
            map("environmentVariables", props.environmentVariables);
            map("buildEnvironmentVariables", props.buildEnvironmentVariables);
            break;
        case CLOUD_RUN:
            list(obj(props.template).containers).forEach((c, i) =>
                list(c.envs).forEach((e, j) => out.push({ field: `template.containers[${i}].envs[${j}]`, name: String(e.name), value: e.value })),
            );
            break;
        case WEB_APP:
            list(obj(props.siteConfig).appSettings).forEach((s, i) => out.push({ field: `siteConfig.appSettings[${i}]`, name: String(s.name), value: s.value }));
            break;
        default: {
            const pod = podTemplate(type, props);
            if (!pod) break;
            for (const ref of containers(pod)) {
                list(ref.container.env).forEach((e, j) => out.push({ field: `${ref.path}.env[${j}]`, name: String(e.name), value: e.value }));
            }
        }
    }
    return out;
}

/** The App Service settings map as name -> value. */
export function appSettings(props: Props): Map<string, unknown> {
    return new Map(list(obj(props.siteConfig).appSettings).map((s) => [String(s.name), s.value]));
}
