namespace ElearningRollout.Tests.Shared;

/// <summary>
/// Puts a page's tab in the background or back in front the way the browser tells the page: its visibilityState, its
/// hidden flag and the visibilitychange event (headless Chromium has no tab strip to do it with). The end-to-end tests
/// and the capacity program use it; its argument is "hidden" or "visible".
/// </summary>
public static class TabVisibilityScript
{
    public const string Set =
        """
        state => {
            Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
            Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
            document.dispatchEvent(new Event('visibilitychange'));
        }
        """;
}
