// The session's two idle limits count the person's activity in this tab: clicks, taps and keys, nothing else.
// - The sign-in cookie's 30-minute idle window: interactive pages talk to the server over the Blazor circuit, not HTTP,
//   so the window would run out under someone who is working. Told at most every five minutes.
// - The open circuit's own idle timer (CircuitIdleTimeout): the circuit's traffic is not the person's (the browser
//   acknowledges every live update), so the layout hands this script the timer and the script reports the person's
//   activity to it, at most once a minute.
// An idle tab sends nothing, so both limits run out as they should.
// The same call hands over the circuit's TabVisibility: the script tells it when the tab is hidden or shown again, so
// that live screens (the dashboard) hold back renders nobody can see. A tab opened in the background says so at once.
(() => {
    const cookieEveryMilliseconds = 5 * 60 * 1000;
    const circuitEveryMilliseconds = 60 * 1000;
    let cookieToldAt = 0;
    let circuitToldAt = 0;
    let circuitTimer = null;
    let tabVisibility = null;

    const tellVisibility = () => {
        tabVisibility?.invokeMethodAsync('VisibilityChanged', document.visibilityState === 'hidden').catch(() => { });
    };

    window.elrSessionActivity = {
        attach: (timer, visibility) => {
            circuitTimer = timer;
            circuitToldAt = 0;
            tabVisibility = visibility;
            if (document.visibilityState === 'hidden') {
                tellVisibility();
            }
        },
    };
    document.addEventListener('visibilitychange', tellVisibility);

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
