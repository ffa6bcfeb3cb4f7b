// The session's two idle limits count the person's activity in this tab: clicks, taps and keys, nothing else.
// - The sign-in cookie's 30-minute idle window: interactive pages talk to the server over the Blazor circuit, not HTTP,
//   so the window would run out under someone who is working. Told at most every five minutes.
// - The open circuit's own idle timer (CircuitIdleTimeout): the circuit's traffic is not the person's (the browser
//   acknowledges every live update), so the layout hands this script the timer and the script reports the person's
//   activity to it, at most once a minute.
// An idle tab sends nothing, so both limits run out as they should.
(() => {
    const cookieEveryMilliseconds = 5 * 60 * 1000;
    const circuitEveryMilliseconds = 60 * 1000;
    let cookieToldAt = 0;
    let circuitToldAt = 0;
    let circuitTimer = null;

    window.elrSessionActivity = {
        attach: timer => {
            circuitTimer = timer;
            circuitToldAt = 0;
        },
    };

    const personActive = () => {
        const now = Date.now();
        if (circuitTimer && now - circuitToldAt >= circuitEveryMilliseconds) {
            circuitToldAt = now;
            circuitTimer.invokeMethodAsync('PersonActive').catch(() => { });
        }

        if (now - cookieToldAt >= cookieEveryMilliseconds) {
            cookieToldAt = now;
            fetch('/Account/KeepAlive', { method: 'POST', credentials: 'same-origin' }).catch(() => { });
        }
    };
    for (const type of ['pointerdown', 'keydown']) {
        document.addEventListener(type, personActive, { capture: true, passive: true });
    }
})();
