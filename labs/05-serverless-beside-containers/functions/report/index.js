// The nightly report: runs once a night on a schedule, then the instance goes away.
exports.handler = async (event) => {
    console.log(JSON.stringify({ msg: "nightly report", scheduledAt: event && event.time }));
    return { ok: true };
};
