// Interactive pages talk to the server over the Blazor circuit, not HTTP, so the sign-in cookie's 30-minute idle
// window would run out under someone who is working. While the person clicks or types, tell the server at most
// every five minutes; an idle tab sends nothing, so its cookie expires as it should.
(() => {
    const everyMilliseconds = 5 * 60 * 1000;
    let lastSent = 0;
    const keepAlive = () => {
        const now = Date.now();
        if (now - lastSent < everyMilliseconds) {
            return;
        }
        lastSent = now;
        fetch('/Account/KeepAlive', { method: 'POST', credentials: 'same-origin' }).catch(() => { });
    };
    for (const type of ['pointerdown', 'keydown']) {
        document.addEventListener(type, keepAlive, { capture: true, passive: true });
    }
})();
