using ElearningRollout.EndToEnd.Infrastructure;
using ElearningRollout.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElearningRollout.EndToEnd;

/// <summary>Training and IT score two vendors in two browsers at once; the ranking decides, the winner becomes an engagement.</summary>
public sealed class VendorSelectionTests(ProductUnderTest product) : BrowserTest(product)
{
    // ELR-0007 (Field service VR modules) is owned by training@ with itlead@ as IT liaison; the demo gives it no
    // selection and no engagements, and no other test touches its vendors.
    private const string Code = "ELR-0007";
    private const string Coursecraft = "Coursecraft Learning Ltd";
    private const string Brightpath = "Brightpath LMS";

    private static readonly string[] Criteria =
        ["Functional fit", "Usability", "Pricing and total cost", "Integrations", "Security", "Support and implementation", "Vendor viability and references"];

    [Fact]
    public async Task Two_evaluators_score_two_candidates_the_ranking_shows_and_the_winner_becomes_a_proposed_engagement()
    {
        const string testName = "vendor-selection";
        var audit = new AccessibilityAudit(Page);
        var training = Page;
        await SignInForm.OpenAsync(training);
        await SignInForm.SignInAsync(training, DemoLogins.Training);
        await OpenAsync(training);
        await audit.CheckAsync(training, "the vendor selection before it starts");
        await ChooseAsync(training, training.GetByLabel("The winner will be engaged for"), "Course development");
        await training.GetByRole(AriaRole.Button, new() { Name = "Start the selection" }).ClickAsync();
        await Expect(training.GetByTestId("evaluators")).ToContainTextAsync("Ivan IT: pending (has not scored yet)");
        await AddCandidateAsync(training, "Coursecraft", Coursecraft);
        await AddCandidateAsync(training, "Brightpath", Brightpath);

        // Ivan opens the page before Tara saves: both save against what they loaded, and neither loses a score.
        await using var itContext = await Product.NewContextAsync();
        var itLead = await itContext.NewPageAsync();
        await SignInForm.OpenAsync(itLead);
        await SignInForm.SignInAsync(itLead, DemoLogins.ItLead);
        await OpenAsync(itLead);
        await Expect(itLead.GetByTestId("scoring-grid")).ToContainTextAsync(Brightpath);

        await ScoreAsync(training, Coursecraft, 4);
        await ScoreAsync(training, Brightpath, 3);
        await audit.CheckAsync(training, "the scoring grid and criteria editor");
        await training.GetByRole(AriaRole.Button, new() { Name = "Save my scores" }).ClickAsync();
        await Expect(training.GetByTestId("evaluators")).ToContainTextAsync("Tara Training: 14 of 14 scores given");

        // Ivan's connection is lost half-way (a new page load is a new circuit, as after a failed instance): the choices
        // he made were kept in the tab and are back.
        await ScoreAsync(itLead, Coursecraft, 5);
        await Expect(itLead.GetByTestId("scores-unsaved")).ToContainTextAsync($"{Criteria.Length} choices are not saved yet");
        await OpenAsync(itLead);
        await Expect(itLead.GetByTestId("scores-draft-restored")).ToBeVisibleAsync();
        foreach (var criterion in Criteria)
        {
            await Expect(itLead.GetByLabel($"Score for {Coursecraft} on {criterion}", new() { Exact = true })).ToHaveValueAsync("5");
        }

        await ScoreAsync(itLead, Brightpath, 3);
        await itLead.GetByRole(AriaRole.Button, new() { Name = "Save my scores" }).ClickAsync();
        await Expect(itLead.GetByTestId("evaluators")).ToContainTextAsync("Ivan IT: 14 of 14 scores given");
        await Expect(itLead.GetByTestId("evaluators")).ToContainTextAsync("Tara Training: 14 of 14 scores given");
        await PageEvidence.ScreenshotAsync(itLead, testName, "1-it-scored");

        // (4 + 5) / 2 / 5 x 100 = 90 and 3 / 5 x 100 = 60, whoever saved first.
        await OpenAsync(training);
        var rows = training.GetByTestId("ranking-row");
        await ExpectRankAsync(rows.Nth(0), "1", Coursecraft, "90.00");
        await ExpectRankAsync(rows.Nth(1), "2", Brightpath, "60.00");
        await audit.CheckAsync(training, "the ranking");
        await PageEvidence.ScreenshotAsync(training, testName, "2-ranking");

        await training.GetByRole(AriaRole.Button, new() { Name = $"Choose as winner: {Coursecraft}" }).ClickAsync();
        var dialog = training.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("90.00 points");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Choose the winner" }).ClickAsync();
        await Expect(training.GetByTestId("selection-decision")).ToContainTextAsync($"{Coursecraft} won, chosen by Tara Training");
        await Expect(training.GetByTestId("scoring-grid")).ToHaveCountAsync(0);

        await training.GotoAsync($"/rollouts/{Code}");
        await BlazorCircuit.WaitUntilInteractiveAsync(training);
        await training.GetByRole(AriaRole.Tab, new() { Name = "Vendors" }).ClickAsync();
        var engagement = training.GetByTestId("engagement").Filter(new() { HasText = $"{Coursecraft} · Course development" });
        await Expect(engagement.GetByTestId("engagement-status")).ToHaveTextAsync("Proposed");
        await PageEvidence.ScreenshotAsync(training, testName, "3-engagement");
        audit.AssertNoSeriousViolations();
    }

    private static async Task OpenAsync(IPage page)
    {
        await page.GotoAsync($"/rollouts/{Code}/vendor-selection");
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Vendor selection");
    }

    private static async Task ExpectRankAsync(ILocator row, string rank, string vendor, string total)
    {
        await Expect(row.GetByRole(AriaRole.Cell).Nth(0)).ToHaveTextAsync(rank);
        await Expect(row.GetByRole(AriaRole.Rowheader)).ToContainTextAsync(vendor);
        await Expect(row.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync(total);
    }

    private static async Task AddCandidateAsync(IPage page, string search, string vendor)
    {
        await page.GetByLabel("Find a vendor in the registry").FillAsync(search);
        // The list is searched after a pause in typing; choosing before it is refreshed would pick from the old list.
        await Expect(page.GetByTestId("candidates")).ToContainTextAsync($"“{search}”");
        await ChooseAsync(page, page.GetByLabel("Vendor to add"), vendor);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add candidate" }).ClickAsync();
        await Expect(page.GetByTestId("candidates")).ToContainTextAsync(vendor);
    }

    private static async Task ScoreAsync(IPage page, string vendor, int score)
    {
        foreach (var criterion in Criteria)
        {
            await page.GetByLabel($"Score for {vendor} on {criterion}", new() { Exact = true }).SelectOptionAsync(score.ToString());
        }
    }

    private static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }
}
