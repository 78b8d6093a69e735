// The smallest useful handler: replace it with your function's code.
exports.handler = async (event) => {
    const records = Array.isArray(event?.Records) ? event.Records.length : 0;
    return { statusCode: 200, body: JSON.stringify({ ok: true, records }) };
};
