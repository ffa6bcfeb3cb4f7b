using Bunit;
using ElearningRollout.Domain.Rollouts;
using ElearningRollout.Web.Components.Layout;
using ElearningRollout.Web.Components.Pages.Rollouts;
using ElearningRollout.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;

namespace ElearningRollout.Web.Tests.Components;

/// <summary>
/// What circuits share instead of each keeping its own copy (docs/performance.md, "Capacity") must look exactly like
/// what the components render themselves.
/// </summary>
public sealed class SharedMarkupTests
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
    public async Task Shared_chips_are_the_markup_the_chip_components_render_and_one_set_serves_every_page()
    {
        await using var services = new ServiceCollection().AddMudServices().AddLogging().BuildServiceProvider();
        var markup = new SharedMarkup(services.GetRequiredService<IServiceScopeFactory>(), NullLoggerFactory.Instance);
        await using var ctx = NewContext();

        var health = await markup.ForEveryValueAsync<HealthChip, RolloutHealth>(nameof(HealthChip.Health));
        var status = await markup.ForEveryValueAsync<StatusChip, LifecycleStatus>(nameof(StatusChip.Status));

        Assert.Equal(Enum.GetValues<RolloutHealth>(), health.Keys.Order());
        foreach (var (value, html) in health)
        {
            ctx.Render<HealthChip>(p => p.Add(x => x.Health, value)).MarkupMatches(html.Value);
        }

        foreach (var (value, html) in status)
        {
            ctx.Render<StatusChip>(p => p.Add(x => x.Status, value)).MarkupMatches(html.Value);
        }

        Assert.Same(health, await markup.ForEveryValueAsync<HealthChip, RolloutHealth>(nameof(HealthChip.Health)));
    }

    private static BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        return ctx;
    }
}
