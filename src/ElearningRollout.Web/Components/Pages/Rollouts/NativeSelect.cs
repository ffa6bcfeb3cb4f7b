using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;

namespace ElearningRollout.Web.Components.Pages.Rollouts;

/// <summary>
/// A native <c>&lt;select&gt;</c> in MudBlazor's text-input frame (underline, floating label kept raised), for the rollout
/// list's filters, its small-screen sort and its page size. A closed MudSelect built its input, input control, label,
/// adornment icon, popover, overlay and a hidden MudSelectItem per choice, all kept by the circuit
/// (docs/performance.md, "Capacity"); a native select is markup only, is labelled by its &lt;label for&gt;, opens and
/// moves through its choices with the keyboard in every browser, and shows the platform's own list on a tablet.
/// </summary>
public static class NativeSelect
{
    private const string ControlClass = "mud-input-control mud-input-text-with-label native-select-control";
    private const string InputClass = "mud-input mud-input-text mud-input-text-with-label mud-input-underline mud-shrink mud-typography-subtitle1";
    private const string SelectClass = "mud-input-slot mud-input-root mud-input-root-text native-select";
    private const string LabelClass = "mud-input-label mud-input-label-animated mud-input-label-text mud-input-label-inputcontrol";

    /// <summary>
    /// The select: <paramref name="value"/> is the chosen choice's value ("" for <paramref name="anyText"/>, the choice
    /// that means no filter, left out when null); <paramref name="changed"/> receives the chosen value.
    /// </summary>
    public static RenderFragment Render(string id, string label, string? value, IEnumerable<(string Value, string Text)> choices,
        EventCallback<ChangeEventArgs> changed, string? anyText) => builder =>
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", ControlClass);
        builder.OpenElement(2, "div");
        builder.AddAttribute(3, "class", "mud-input-control-input-container");
        builder.OpenElement(4, "div");
        builder.AddAttribute(5, "class", InputClass);
        builder.OpenElement(6, "select");
        builder.AddAttribute(7, "id", id);
        builder.AddAttribute(8, "class", SelectClass);
        // Blazor applies a select's value after its options (and marks the option selected when prerendering).
        builder.AddAttribute(9, "value", value ?? "");
        builder.AddAttribute(10, "onchange", changed);
        builder.AddMarkupContent(11, OptionsMarkup(choices, value ?? "", anyText));
        builder.CloseElement();
        builder.CloseElement();
        builder.OpenElement(20, "label");
        builder.AddAttribute(21, "class", LabelClass);
        builder.AddAttribute(22, "for", id);
        builder.AddContent(23, label);
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    };

    // The choices as one markup string, the chosen one marked selected (what prerendering shows before the circuit sets
    // the select's value): three frames per choice otherwise, kept twice by the component holding the select. Fixed choice
    // lists (arrays held by the page) share one string per chosen value between circuits; others (people) are built.
    private static readonly ConcurrentDictionary<((string, string)[] Choices, string Value, string? AnyText), string> SharedOptions = new();

    internal static string OptionsMarkup(IEnumerable<(string Value, string Text)> choices, string value, string? anyText) =>
        choices is (string, string)[] fixedChoices
            ? SharedOptions.GetOrAdd((fixedChoices, value, anyText), static key => BuildOptions(key.Choices, key.Value, key.AnyText))
            : BuildOptions(choices, value, anyText);

    private static string BuildOptions(IEnumerable<(string Value, string Text)> choices, string value, string? anyText)
    {
        var markup = new StringBuilder();
        if (anyText is not null)
        {
            Option(markup, "", anyText, value);
        }

        foreach (var (choice, text) in choices)
        {
            Option(markup, choice, text, value);
        }

        return markup.ToString();
    }

    private static void Option(StringBuilder markup, string choice, string text, string value) =>
        markup.Append("<option value=\"").Append(HtmlEncoder.Default.Encode(choice)).Append('"')
            .Append(choice == value ? " selected" : "").Append('>').Append(HtmlEncoder.Default.Encode(text)).Append("</option>");
}
