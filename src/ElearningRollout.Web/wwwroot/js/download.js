// Fetches an export and saves it as a file, so the page can show that it is being prepared and refuse a second click
// meanwhile (a plain link gives no sign of life for the seconds a large export takes). Returns null once the file is
// handed to the browser, or a sentence saying why there is no file.
export async function download(url, fileName) {
    let response;
    try {
        response = await fetch(url, { credentials: 'same-origin' });
    } catch {
        return 'The export could not be fetched: the connection to the server failed. Try again in a moment.';
    }

    // An expired sign-in answers with the sign-in page (after a redirect): that is not the file asked for.
    if (response.redirected) {
        return 'Your sign-in has ended. Reload the page, sign in again and repeat the export.';
    }

    if (!response.ok) {
        try {
            const problem = await response.json();
            return problem.detail || problem.title || `The export failed (${response.status}).`;
        } catch {
            return `The export failed (${response.status}).`;
        }
    }

    const file = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = file;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    // The browser has started saving; the object URL is released once it surely has read it.
    setTimeout(() => URL.revokeObjectURL(file), 60_000);
    return null;
}
