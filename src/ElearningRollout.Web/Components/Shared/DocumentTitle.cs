using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace ElearningRollout.Web.Components.Shared;

/// <summary>
/// A page's title (the browser tab, history, what a screen reader announces on arrival), written by the page as a hidden
/// element that wwwroot/js/document-title.js copies into <c>document.title</c> whenever the page changes: on the
/// server's first response (the script runs as the body ends) and after every interactive or enhanced navigation.
/// Blazor's <c>PageTitle</c> needs an interactive <c>HeadOutlet</c> (a static one does not receive the title from the
/// interactive pages' prerendering), and together they were seven components (outlets, section content and renderers)
/// that every open tab held on every screen (docs/performance.md, "Capacity"); this is one element of the page's own.
/// </summary>
public static class DocumentTitle
{
    /// <summary>The page's title: render it once, anywhere in the page.</summary>
    public static RenderFragment Of(string title) => builder =>
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "hidden", true);
        builder.AddAttribute(2, "data-document-title", title);
        builder.CloseElement();
    };
}
