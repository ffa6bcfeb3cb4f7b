namespace ElearningRollout.Web.Components.Pages.Rollouts;

/// <summary>
/// The class lists MudBlazor's components write for the settings the dashboard uses, so display-only texts, papers,
/// stacks and buttons in its lists can be plain elements instead of a component each (docs/performance.md, "Capacity":
/// the dashboard built 122 MudTexts, 62 MudButtons, 42 MudStacks). PlainMarkupTests render each component with these
/// settings and compare the class list, so a MudBlazor update that changes them fails a test.
/// </summary>
public static class MudClasses
{
    /// <summary><c>&lt;MudText&gt;</c> (body1, a <c>p</c>).</summary>
    public const string Body1 = "mud-typography mud-typography-body1";

    /// <summary><c>&lt;MudText Typo="Typo.body2"&gt;</c> (a <c>p</c>).</summary>
    public const string Body2 = "mud-typography mud-typography-body2";

    /// <summary><c>&lt;MudText Typo="Typo.h4" HtmlTag="p"&gt;</c>.</summary>
    public const string H4 = "mud-typography mud-typography-h4";

    /// <summary><c>&lt;MudText Typo="Typo.h6"&gt;</c>.</summary>
    public const string H6 = "mud-typography mud-typography-h6";

    /// <summary><c>&lt;MudGrid Spacing="2"&gt;</c>.</summary>
    public const string GridSpacing2 = "mud-grid mud-grid-spacing-xs-2 justify-start";

    /// <summary><c>&lt;MudItem xs="12" sm="4"&gt;</c>.</summary>
    public const string ItemXs12Sm4 = "mud-grid-item mud-grid-item-xs-12 mud-grid-item-sm-4";

    /// <summary><c>&lt;MudItem xs="12" md="4"&gt;</c>.</summary>
    public const string ItemXs12Md4 = "mud-grid-item mud-grid-item-xs-12 mud-grid-item-md-4";

    /// <summary><c>&lt;MudItem xs="12" sm="6" md="4"&gt;</c>.</summary>
    public const string ItemXs12Sm6Md4 = "mud-grid-item mud-grid-item-xs-12 mud-grid-item-sm-6 mud-grid-item-md-4";

    /// <summary><c>&lt;MudGrid Spacing="3" Class="mb-2"&gt;</c>.</summary>
    public const string GridSpacing3Mb2 = "mud-grid mud-grid-spacing-xs-3 justify-start mb-2";

    /// <summary><c>&lt;MudGrid Spacing="3" Class="mb-4"&gt;</c>.</summary>
    public const string GridSpacing3Mb4 = "mud-grid mud-grid-spacing-xs-3 justify-start mb-4";

    /// <summary><c>&lt;MudItem xs="6" md="3"&gt;</c>.</summary>
    public const string ItemXs6Md3 = "mud-grid-item mud-grid-item-xs-6 mud-grid-item-md-3";

    /// <summary><c>&lt;MudItem xs="6" md="2"&gt;</c>.</summary>
    public const string ItemXs6Md2 = "mud-grid-item mud-grid-item-xs-6 mud-grid-item-md-2";

    /// <summary><c>&lt;MudItem xs="12" md="6"&gt;</c>.</summary>
    public const string ItemXs12Md6 = "mud-grid-item mud-grid-item-xs-12 mud-grid-item-md-6";

    /// <summary><c>&lt;MudPaper Class="pa-4" Outlined="true"&gt;</c>.</summary>
    public const string OutlinedPaperPa4 = "mud-paper mud-paper-outlined pa-4";

    /// <summary><c>&lt;MudPaper Class="pa-4 mb-4" Outlined="true"&gt;</c>.</summary>
    public const string OutlinedPaperPa4Mb4 = "mud-paper mud-paper-outlined pa-4 mb-4";

    /// <summary><c>&lt;MudPaper Class="pa-3" Outlined="true"&gt;</c>.</summary>
    public const string OutlinedPaperPa3 = "mud-paper mud-paper-outlined pa-3";

    /// <summary><c>&lt;MudStack Row="true" AlignItems="AlignItems.Center" Justify="Justify.SpaceBetween" Wrap="Wrap.Wrap"&gt;</c> (a div with <c>role="group"</c>).</summary>
    public const string RowSpaceBetweenWrap = "d-flex flex-row justify-space-between align-center flex-wrap gap-3";

    /// <summary><c>&lt;MudStack Row="true" Spacing="1"&gt;</c> (a div with <c>role="group"</c>).</summary>
    public const string RowSpacing1 = "d-flex flex-row gap-1";

    /// <summary><c>&lt;MudButton Size="Size.Small" Variant="Variant.Filled" Color="Color.Primary"&gt;</c>.</summary>
    public const string SmallFilledPrimaryButton = "mud-button-root mud-button mud-button-filled mud-button-filled-primary mud-button-filled-size-small mud-ripple";

    /// <summary><c>&lt;MudButton Size="Size.Small" Variant="Variant.Outlined"&gt;</c>.</summary>
    public const string SmallOutlinedButton = "mud-button-root mud-button mud-button-outlined mud-button-outlined-default mud-button-outlined-size-small mud-ripple";
}
