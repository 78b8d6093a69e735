// Thumbnails: one invocation per batch of queue messages; failed messages are retried and
// land in the dead-letter queue after five deliveries.
exports.handler = async (event) => {
    const records = (event && event.Records) || [];
    for (const record of records) console.log(JSON.stringify({ msg: "thumbnail", body: record.body }));
    return { batchItemFailures: [] };
};
