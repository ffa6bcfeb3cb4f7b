using Bunit;
using ElearningRollout.Application.Dashboard;
using ElearningRollout.Web.Components.Pages.Dashboard;
using ElearningRollout.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Services;

namespace ElearningRollout.Web.Tests.Components;

/// <summary>Issue 19 "Daily use": the access-denied notice, the money chart's axis and the export buttons.</summary>
public sealed class DailyUseComponentTests
{
    [Fact]
    public async Task Access_denied_names_the_role_the_page_needs_and_offers_a_way_back()
    {
        await using var ctx = NewContext();

        var users = ctx.Render<AccessDeniedNotice>(p => p.Add(x => x.Path, "/admin/users"));
        var reviews = ctx.Render<AccessDeniedNotice>(p => p.Add(x => x.Path, "/reviews?mine=true"));

        Assert.Equal("The “Users” page is for administrators. Your roles do not include it.", Text(users.Find("[data-testid=access-denied-role]")));
        Assert.Equal("The “Review queue” page is for IT leads, executives and administrators. Your roles do not include any of them.",
            Text(reviews.Find("[data-testid=access-denied-role]")));
        Assert.Contains("ask an administrator", users.Markup, StringComparison.Ordinal);
        Assert.Equal("Go back", users.Find("[data-testid=access-denied-back]").TextContent.Trim());
        Assert.Equal("/", users.FindAll("a").Single(a => a.TextContent.Trim() == "Go to your home page").GetAttribute("href"));
    }

    [Fact]
    public async Task Access_denied_on_a_page_the_catalogue_does_not_list_says_so_plainly()
    {
        await using var ctx = NewContext();

        var notice = ctx.Render<AccessDeniedNotice>(p => p.Add(x => x.Path, "/somewhere/else"));

        Assert.Empty(notice.FindAll("[data-testid=access-denied-role]"));
        Assert.Contains("Your roles do not give you access to this page.", notice.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(286_720, 100_000, 300_000)]
    [InlineData(81_920, 20_000, 100_000)]
    [InlineData(40_960, 10_000, 50_000)]
    [InlineData(1_234, 250, 1_250)]
    [InlineData(3, 1, 3)]
    public void The_money_axis_steps_are_round_and_cover_the_largest_bar(double largest, int step, double top)
    {
        var axis = MoneyAxis.For((decimal)largest, "EUR");

        Assert.Equal((step, top), (axis.Step, axis.Top));
    }

    [Fact]
    public async Task The_money_chart_marks_its_axis_with_thousands_separators_and_the_currency()
    {
        await using var ctx = NewContext();

        var chart = ctx.Render<DepartmentMoneyChart>(p => p.Add(x => x.Totals,
        [
            new DepartmentMoneyTotal("IT", "EUR", 286_720m, 81_920m),
            new DepartmentMoneyTotal("Sales", "EUR", 40_960m, 0m),
        ]));

        var marks = chart.FindAll("svg text").Select(t => t.TextContent.Trim()).ToList();
        Assert.Contains("100,000 EUR", marks);
        Assert.Contains("300,000 EUR", marks);
        Assert.DoesNotContain(marks, m => m is "40960" or "81920" or "286720");
        Assert.Contains("Amount (EUR)", chart.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_export_shows_it_is_being_prepared_and_a_second_click_starts_nothing()
    {
        await using var ctx = NewContext();
        var module = ctx.JSInterop.SetupModule("./js/download.js");
        var download = module.Setup<string?>("download", _ => true);
        ctx.Render<MudPopoverProvider>();
        var button = ctx.Render<ExportButton>(p => p
            .Add(x => x.Href, "/admin/audit/export.csv").Add(x => x.FileName, "audit-log.csv").Add(x => x.Text, "Export CSV"));

        var first = button.Find("button").ClickAsync(new());
        button.WaitForAssertion(() => Assert.True(button.Find("button").HasAttribute("disabled")));
        Assert.Equal("true", button.Find("button").GetAttribute("aria-busy"));
        Assert.NotEmpty(button.FindAll(".mud-progress-circular"));
        Assert.Equal("Preparing audit-log.csv…", button.Find("[role=status]").TextContent.Trim());
        var why = button.Find($"#{button.Find("button").GetAttribute("aria-describedby")}");
        Assert.Equal("audit-log.csv is being prepared; it is saved when ready.", why.TextContent.Trim());
        await button.Find("button").ClickAsync(new());

        download.SetResult(null);
        await first;

        button.WaitForAssertion(() => Assert.False(button.Find("button").HasAttribute("disabled")));
        Assert.Single(download.Invocations);
        Assert.Equal(["/admin/audit/export.csv", "audit-log.csv"], download.Invocations.Single().Arguments.Select(a => a?.ToString()));
    }

    [Fact]
    public async Task A_command_button_shows_progress_says_why_it_waits_and_a_second_press_starts_nothing()
    {
        await using var ctx = NewContext();
        var running = new TaskCompletionSource();
        var presses = 0;
        var button = ctx.Render<BusyButton>(p => p
            .Add(x => x.OnClick, async () =>
            {
                presses++;
                await running.Task;
            })
            .AddChildContent("Save"));

        var first = button.Find("button").ClickAsync(new());
        var second = button.Find("button").ClickAsync(new());
        button.Render(p => p.Add(x => x.Busy, true));

        Assert.True(button.Find("button").HasAttribute("disabled"));
        Assert.Equal("true", button.Find("button").GetAttribute("aria-busy"));
        Assert.NotEmpty(button.FindAll(".mud-progress-circular"));
        Assert.Equal("Working on it: wait for the answer before pressing again.",
            button.Find($"#{button.Find("button").GetAttribute("aria-describedby")}").TextContent.Trim());
        running.SetResult();
        await Task.WhenAll(first, second);
        Assert.Equal(1, presses);
    }

    private static string Text(AngleSharp.Dom.IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        return ctx;
    }
}
