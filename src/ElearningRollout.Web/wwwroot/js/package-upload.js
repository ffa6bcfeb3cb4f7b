// Sends a course package from the file input straight to the upload endpoint (POST, the file as the body), so the
// browser streams it from disk and the server streams it into the package store: it never travels through the
// Blazor connection and is never held in memory whole. Tells the component when it starts, how far it got and how it
// ended; a second file chosen while one is on its way is ignored (the input is disabled meanwhile).
const uploads = new WeakMap();

export function attach(input, url, token, maxBytes, tooLarge, component) {
    detach(input);
    const state = { running: false };
    state.onChange = () => {
        const file = input.files && input.files[0];
        // Cleared at once, so choosing the same file again (after fixing it) is a change too.
        input.value = '';
        if (!file || state.running) {
            return;
        }

        if (file.size > maxBytes) {
            component.invokeMethodAsync('Finished', false, tooLarge);
            return;
        }

        state.running = true;
        input.disabled = true;
        component.invokeMethodAsync('Started', file.name);
        const request = new XMLHttpRequest();
        state.request = request;
        request.open('POST', url);
        request.setRequestHeader('RequestVerificationToken', token);
        request.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
        request.setRequestHeader('Content-Type', 'application/zip');
        let shown = -1;
        request.upload.onprogress = e => {
            const percent = e.lengthComputable && e.total > 0 ? Math.floor(e.loaded * 100 / e.total) : -1;
            if (percent !== shown) {
                shown = percent;
                component.invokeMethodAsync('Progress', percent);
            }
        };
        const finish = (succeeded, message) => {
            state.running = false;
            state.request = null;
            input.disabled = false;
            component.invokeMethodAsync('Finished', succeeded, message);
        };
        request.onload = () => finish(request.status === 201, request.status === 201 ? null : problemOf(request, url));
        request.onerror = () => finish(false, 'The upload was interrupted: the connection to the server failed. Try again.');
        request.onabort = () => finish(false, 'The upload was stopped.');
        request.send(file);
    };
    input.addEventListener('change', state.onChange);
    uploads.set(input, state);
    input.dataset.uploadReady = 'true';
}

export function detach(input) {
    const state = input && uploads.get(input);
    if (state) {
        input.removeEventListener('change', state.onChange);
        uploads.delete(input);
    }
}

function problemOf(request, url) {
    // An ended sign-in answers with the sign-in page (after a redirect), not with the endpoint's problem document.
    if (request.responseURL && !new URL(request.responseURL).pathname.startsWith(new URL(url, location.href).pathname)) {
        return 'Your sign-in has ended. Reload the page, sign in again and upload the package again.';
    }

    try {
        const problem = JSON.parse(request.responseText);
        return problem.detail || problem.title || `The upload failed (${request.status}).`;
    } catch {
        return `The upload failed (${request.status}).`;
    }
}
