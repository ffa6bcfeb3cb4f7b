using Bunit;
using ElearningRollout.Web.Components.Layout;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace ElearningRollout.Web.Tests.Components;

/// <summary>
/// What circuits share instead of each keeping its own copy (docs/performance.md, "Capacity") must look exactly like
/// what the components render themselves.
/// </summary>
public sealed class SharedThemeProviderTests
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

    private static BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        return ctx;
    }
}
