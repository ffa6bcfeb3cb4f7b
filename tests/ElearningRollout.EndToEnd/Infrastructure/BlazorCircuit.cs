using Microsoft.Playwright;

namespace ElearningRollout.EndToEnd.Infrastructure;

/// <summary>
/// Waits until a prerendered Blazor Server page is really interactive.
/// </summary>
/// <remarks>
/// Pages are prerendered: the HTML, buttons included, is on screen before the circuit's WebSocket is
/// connected, and a click in that window is silently lost (the button looks fine, nothing happens).
/// Neither "load" nor "network idle" says when the circuit is ready. What does: when the circuit first
/// renders a component it replaces the prerendered elements with new ones, and Blazor stamps every element
/// a component holds an <c>ElementReference</c> to with a <c>_bl_&lt;id&gt;</c> attribute. Prerendered HTML
/// never has one, and the user menu's button always holds a reference (it takes the focus back when its menu
/// closes; MudBlazor's buttons hold one too), so that button carrying <c>_bl_</c> proves its click handler is wired to
/// the server (the same render batch wires the events, no delay needed).
/// The selector is looked up again on every poll because the element it first matched is thrown away.
/// </remarks>
public static class BlazorCircuit
{
    /// <summary>The user menu's button: on every signed-in page, and holding an element reference.</summary>
    public const string UserMenuButton = "[data-testid=user-menu] button";

    public static async Task WaitUntilInteractiveAsync(IPage page, string mudBlazorButtonSelector = UserMenuButton)
        => await page.WaitForFunctionAsync(
            """
            selector => {
                const element = document.querySelector(selector);
                return window.Blazor !== undefined && element !== null
                    && [...element.attributes].some(attribute => attribute.name.startsWith('_bl_'));
            }
            """,
            mudBlazorButtonSelector);
}
