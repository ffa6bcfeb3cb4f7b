using Bunit;
using ElearningRollout.Web.Components.Layout;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace ElearningRollout.Web.Tests.Components;

/// <summary>
/// The layout's providers (docs/performance.md, "Capacity"): what circuits share instead of each keeping its own copy,
/// and what renders only while something is shown, must look exactly like what MudBlazor's own components render.
/// </summary>
public sealed class LayoutProvidersTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_shared_theme_provider_renders_exactly_what_MudThemeProvider_renders(bool darkMode)
    {
        await using var ctx = NewContext();

        var mud = ctx.Render<MudThemeProvider>(p => p.Add(x => x.Theme, ProductTheme.Theme).Add(x => x.IsDarkMode, darkMode));
        var shared = ctx.Render<SharedThemeProvider>(p => p.Add(x => x.Theme, ProductTheme.Theme).Add(x => x.IsDarkMode, darkMode));

        Assert.Contains("--mud-palette-primary", shared.Markup, StringComparison.Ordinal);
        Assert.Equal(mud.Markup, shared.Markup);
    }

    [Fact]
    public async Task Every_shared_theme_provider_keeps_one_default_theme_instead_of_its_own()
    {
        await using var ctx = NewContext();

        var first = ctx.Render<SharedThemeProvider>(p => p.Add(x => x.Theme, ProductTheme.Theme));
        var second = ctx.Render<SharedThemeProvider>();
        var mud = ctx.Render<MudThemeProvider>();

        Assert.Same(SharedThemeProvider.DefaultTheme(first.Instance), SharedThemeProvider.DefaultTheme(second.Instance));
        Assert.NotSame(SharedThemeProvider.DefaultTheme(mud.Instance), SharedThemeProvider.DefaultTheme(first.Instance));
        // Without a Theme, the shared default renders what MudThemeProvider's own default renders.
        Assert.Equal(mud.Markup, second.Markup);
    }

    [Fact]
    public async Task The_dialog_provider_renders_only_while_a_dialog_is_open()
    {
        await using var ctx = NewContext();
        var dialogs = ctx.Render<DialogProvider>();
        var mud = ctx.Render<MudDialogProvider>();
        Assert.Equal("", dialogs.Markup.Trim());

        // The answer comes once the dialog closes: started on the renderer's thread, awaited at the end.
        Task<bool?> answer = Task.FromResult<bool?>(null);
        await dialogs.InvokeAsync(() =>
        {
            answer = ctx.Services.GetRequiredService<IDialogService>()
                .ShowMessageBoxAsync("Remove the wave?", "Its learners are kept.", yesText: "Remove", cancelText: "Keep");
        });
        dialogs.WaitForAssertion(() => Assert.Contains("Its learners are kept.", dialogs.Markup, StringComparison.Ordinal));
        Assert.Equal(mud.FindAll(".mud-dialog").Count, dialogs.FindAll(".mud-dialog").Count);
        Assert.Equal(mud.Find(".mud-dialog").TextContent, dialogs.Find(".mud-dialog").TextContent);

        await dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "Remove").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Equal("", dialogs.Markup.Trim()));
        Assert.True(await answer.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task The_snackbar_provider_renders_only_while_a_snackbar_is_shown()
    {
        await using var ctx = NewContext();
        var snackbars = ctx.Render<SnackbarProvider>();
        var mud = ctx.Render<MudSnackbarProvider>();
        Assert.Equal("", snackbars.Markup.Trim());

        var snackbar = ctx.Services.GetRequiredService<ISnackbar>();
        var shown = await snackbars.InvokeAsync(() => snackbar.Add("Exported 12 rollouts.", Severity.Success));
        snackbars.WaitForAssertion(() => Assert.Contains("Exported 12 rollouts.", snackbars.Markup, StringComparison.Ordinal));
        Assert.Equal(mud.Find("#mud-snackbar-container").ClassName, snackbars.Find("#mud-snackbar-container").ClassName);

        await snackbars.InvokeAsync(() => snackbar.Remove(shown!));
        snackbars.WaitForAssertion(() => Assert.Equal("", snackbars.Markup.Trim()));
    }

    private static BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        return ctx;
    }
}
