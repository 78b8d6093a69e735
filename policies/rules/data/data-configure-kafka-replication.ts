import { resourceRule } from "../../core/define";
import * as d from "../../core/data";
import { obj } from "../../core/props";

interface Config {
    minBrokers: number;
}

/** With fewer than three brokers, one broker down means either lost writes or no writes. */
export const dataConfigureKafkaReplication = resourceRule<Config>({
    name: "data-configure-kafka-replication",
    description: "Kafka clusters run at least `minBrokers` (default 3) brokers, and Strimzi clusters replicate topics 3 ways with min.insync.replicas 2.",
    severity: "medium",
    remediation: "MSK: `numberOfBrokerNodes` a multiple of the zones, at least 3; Strimzi: `replicas: 3`, `config: { \"default.replication.factor\": 3, \"min.insync.replicas\": 2 }`.",
    topics: ["data-resilience"],
    frameworks: [],
    checkov: [],
    trivy: [],
    enforcementLevel: "advisory",
    configSchema: { properties: { minBrokers: { type: "integer", minimum: 1, default: 3, description: "Fewest brokers accepted." } } },
    resourceTypes: [d.MSK, ...d.STRIMZI_KAFKA],
    check: ({ type, props, config }, report) => {
        if (type === d.MSK) {
            if (Number(props.numberOfBrokerNodes) < config.minBrokers) report(`numberOfBrokerNodes is ${props.numberOfBrokerNodes}; run at least ${config.minBrokers}.`);
            return;
        }
        const kafka = obj(obj(props.spec).kafka);
        if (kafka.replicas !== undefined && Number(kafka.replicas) < config.minBrokers) report(`spec.kafka.replicas is ${kafka.replicas}; run at least ${config.minBrokers}.`);
        const settings = obj(kafka.config);
        const factor = settings["default.replication.factor"];
        const isr = settings["min.insync.replicas"];
        if (factor === undefined || Number(factor) < 3) report(`spec.kafka.config["default.replication.factor"] is ${factor ?? "unset (1)"}; use 3.`);
        if (isr === undefined || Number(isr) < 2) report(`spec.kafka.config["min.insync.replicas"] is ${isr ?? "unset (1)"}; use 2.`);
    },
});
