using System.Globalization;
using ElearningRollout.EndToEnd.Infrastructure;
using ElearningRollout.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElearningRollout.EndToEnd;

/// <summary>
/// The Away page's own edges, in the browser: an absence overlapping one already set is refused with the message beside
/// the first day, and ending an absence asks first. Iris plans one a month ahead, so no review of hers moves meanwhile
/// (the other tests see her as a reviewer), and ends it before the test is over.
/// </summary>
public sealed class AwayPageTests(ProductUnderTest product) : BrowserTest(product)
{
    private const string StandIn = "sam.standin@elearning.test";

    [Fact]
    public async Task An_overlapping_absence_is_refused_beside_its_first_day_and_ending_one_is_confirmed_first()
    {
        var audit = new AccessibilityAudit(Page);
        await Product.AddPersonAsync(StandIn, "Sam Standin", "IT", "ItLead");
        Page.Context.SetDefaultTimeout(60_000); // a busy machine: wait for page loads and answers as a person would
        Page.Context.SetDefaultNavigationTimeout(60_000);
        await SignInForm.OpenAsync(Page);
        await SignInForm.SignInAsync(Page, DemoLogins.ItLead2);
        await Page.GotoAsync("/away");
        await BlazorCircuit.WaitUntilInteractiveAsync(Page);

        await SetAbsenceAsync(Day(30), Day(35));
        var planned = Page.GetByTestId("absence");
        await Expect(planned).ToContainTextAsync($"{Day(30)} to {Day(35)}, Sam Standin stands in (coming)");

        // A second absence over part of the first: refused, the message beside the first day, what was typed kept.
        await SetAbsenceAsync(Day(33), Day(40));
        var firstDay = Page.Locator(".mud-input-control").Filter(new() { Has = Page.GetByLabel("First day away") });
        await Expect(firstDay).ToContainTextAsync($"You are already away from {Day(30)} to {Day(35)}");
        await Expect(Page.GetByLabel("First day away")).ToHaveValueAsync(Day(33));
        await Expect(planned).ToHaveCountAsync(1);
        await audit.CheckAsync(Page, "the Away page with a refused absence");
        await PageEvidence.ScreenshotAsync(Page, "away-page", "overlap-refused");

        // Ending asks first; keeping it changes nothing, confirming ends it.
        await Page.GetByTestId("end-absence").ClickAsync();
        var confirm = Page.GetByRole(AriaRole.Dialog);
        await Expect(confirm).ToContainTextAsync("Sam Standin no longer decides them for you");
        await audit.CheckAsync(Page, "the Away page asking before ending an absence");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Keep it" }).ClickAsync();
        await Expect(confirm).ToBeHiddenAsync();
        await Expect(planned).ToHaveCountAsync(1);
        await Page.GetByTestId("end-absence").ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "End the absence" }).ClickAsync();
        await Expect(Page.GetByTestId("no-absence")).ToBeVisibleAsync();
        audit.AssertNoSeriousViolations();
    }

    /// <summary>Types the days, picks Sam and waits to see him chosen before pressing the button, as a person does.</summary>
    private async Task SetAbsenceAsync(string from, string until)
    {
        await Page.GetByLabel("First day away").FillAsync(from);
        await Page.GetByLabel("First day away").PressAsync("Tab");
        await Page.GetByLabel("Last day away").FillAsync(until);
        await Page.GetByLabel("Last day away").PressAsync("Tab");
        var form = Page.GetByTestId("set-away");
        if (!(await form.InnerTextAsync()).Contains("Sam Standin", StringComparison.Ordinal))
        {
            await Page.GetByLabel("Stand-in").ClickAsync();
            await Page.GetByRole(AriaRole.Option, new() { Name = "Sam Standin" }).ClickAsync();
            await Expect(form).ToContainTextAsync("Sam Standin");
        }

        await Page.GetByTestId("set-away-button").ClickAsync();
    }

    private static string Day(int fromToday) => DateTime.UtcNow.AddDays(fromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
