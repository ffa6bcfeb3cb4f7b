using ElearningRollout.EndToEnd.Infrastructure;
using ElearningRollout.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElearningRollout.EndToEnd;

/// <summary>Training drafts who pays what, IT and Training each sign it, in two browsers.</summary>
public sealed class CostSharingTests(ProductUnderTest product) : BrowserTest(product)
{
    // ELR-0003 (Customer onboarding portal) is owned by training@ and has no agreement in the demo data;
    // no other test touches its costs.
    private const string Code = "ELR-0003";

    [Fact]
    public async Task Training_proposes_a_split_licence_line_IT_and_Training_sign_it_and_the_totals_show_each_department()
    {
        const string testName = "cost-sharing";
        var audit = new AccessibilityAudit(Page);
        var training = Page;
        await SignInForm.OpenAsync(training);
        await SignInForm.SignInAsync(training, DemoLogins.Training);
        await OpenCostsTabAsync(training);
        await audit.CheckAsync(training, "the Costs tab without an agreement");
        await training.GetByLabel("Term in months").FillAsync("24");
        await training.GetByRole(AriaRole.Button, new() { Name = "Start the agreement" }).ClickAsync();
        await Expect(training.GetByTestId("agreement-state")).ToHaveTextAsync("Draft");

        // The contract turned out to run three years: the term changes in place while the agreement is a draft.
        await training.GetByRole(AriaRole.Button, new() { Name = "Change the term" }).ClickAsync();
        await training.GetByLabel("Term in months").FillAsync("36");
        await training.GetByRole(AriaRole.Button, new() { Name = "Save the term" }).ClickAsync();
        await Expect(training.GetByTestId("agreement-version")).ToContainTextAsync("term 36 months");

        await training.GetByRole(AriaRole.Button, new() { Name = "Add a cost line" }).ClickAsync();
        var dialog = training.GetByRole(AriaRole.Dialog);
        await ChooseAsync(training, dialog.GetByLabel("Category"), "Licences");
        await dialog.GetByLabel("Description").FillAsync("LMS licences for 20,000 customers");
        await dialog.GetByLabel("Amount per payment").FillAsync("12000.00");
        await ChooseAsync(training, dialog.GetByLabel("Paid"), "Yearly");
        await ChooseAsync(training, dialog.GetByLabel("Department 1", new() { Exact = true }), "Training");
        await dialog.GetByLabel("Percent 1", new() { Exact = true }).FillAsync("60");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add a department" }).ClickAsync();
        await ChooseAsync(training, dialog.GetByLabel("Department 2", new() { Exact = true }), "IT");
        await dialog.GetByLabel("Percent 2", new() { Exact = true }).FillAsync("40");
        await dialog.GetByLabel("Percent 2", new() { Exact = true }).PressAsync("Tab");
        await Expect(dialog.GetByTestId("split-total")).ToContainTextAsync("Total: 100% (complete)");
        await audit.CheckAsync(training, "the add cost line dialog");
        await PageEvidence.ScreenshotAsync(training, testName, "1-add-line");

        // The connection is lost before saving (a new page load is a new circuit, as after a failed instance): the
        // line was kept in the tab as it was typed, and the person goes on with it.
        await training.WaitForFunctionAsync($"() => sessionStorage.getItem('cost-line:{Code}') !== null");
        await OpenCostsTabAsync(training);
        await Expect(training.GetByTestId("cost-line-draft-restored")).ToContainTextAsync("LMS licences for 20,000 customers");
        await training.GetByTestId("cost-line-draft-restored").GetByRole(AriaRole.Button, new() { Name = "Go on with it" }).ClickAsync();
        dialog = training.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByLabel("Description")).ToHaveValueAsync("LMS licences for 20,000 customers");
        await Expect(dialog.GetByTestId("split-total")).ToContainTextAsync("Total: 100% (complete)");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save the line" }).ClickAsync();

        var lines = training.GetByTestId("cost-lines");
        await Expect(lines).ToContainTextAsync("12,000.00 EUR");
        await Expect(lines).ToContainTextAsync("Training 60% · IT 40%");
        await Expect(lines).ToContainTextAsync("36,000.00 EUR");
        await training.GetByRole(AriaRole.Button, new() { Name = "Propose for signature" }).ClickAsync();
        await training.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Propose", Exact = true }).ClickAsync();
        await Expect(training.GetByTestId("agreement-state")).ToHaveTextAsync("Proposed");

        await using var itContext = await Product.NewContextAsync();
        var itLead = await itContext.NewPageAsync();
        await SignInForm.OpenAsync(itLead);
        await SignInForm.SignInAsync(itLead, DemoLogins.ItLead);
        await OpenCostsTabAsync(itLead);

        // IT does not edit Training's lines: it proposes a change through a comment about the line.
        await ChooseAsync(itLead, itLead.GetByLabel("About"), "Line 1: LMS licences for 20,000 customers");
        await itLead.GetByLabel("Your comment or proposed change").FillAsync("From next year IT can carry half of this line.");
        await itLead.GetByRole(AriaRole.Button, new() { Name = "Post" }).ClickAsync();
        await Expect(itLead.GetByTestId("comment")).ToContainTextAsync("Version 1, line 1: LMS licences for 20,000 customers");
        await itLead.GetByRole(AriaRole.Button, new() { Name = "Sign for IT" }).ClickAsync();
        await itLead.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Sign for IT" }).ClickAsync();
        await Expect(itLead.GetByTestId("agreement-signatures")).ToContainTextAsync("IT: signed by Ivan IT");
        await Expect(itLead.GetByTestId("agreement-state")).ToHaveTextAsync("Proposed");
        await PageEvidence.ScreenshotAsync(itLead, testName, "2-signed-for-it");

        // The link in training@'s notification opens the Costs tab directly.
        await training.GotoAsync($"/rollouts/{Code}?tab=costs");
        await BlazorCircuit.WaitUntilInteractiveAsync(training);
        await Expect(training.GetByTestId("comment")).ToContainTextAsync("From next year IT can carry half of this line.");
        await training.GetByRole(AriaRole.Button, new() { Name = "Sign for Training" }).ClickAsync();
        await training.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Sign for Training" }).ClickAsync();

        await Expect(training.GetByTestId("agreement-state")).ToHaveTextAsync("Signed");
        await Expect(training.GetByTestId("agreement-signatures")).ToContainTextAsync("Training: signed by Tara Training");
        // 12,000.00 EUR a year over 36 months is three payments: 36,000.00 EUR, 60% for Training and 40% for IT.
        var totals = training.GetByTestId("department-totals");
        await ExpectRowAsync(totals, "Training", "7,200.00 EUR", "21,600.00 EUR");
        await ExpectRowAsync(totals, "IT", "4,800.00 EUR", "14,400.00 EUR");
        await Expect(training.GetByTestId("currency-totals")).ToContainTextAsync("36,000.00 EUR");
        await audit.CheckAsync(training, "the Costs tab of a signed agreement");
        await PageEvidence.ScreenshotAsync(training, testName, "3-signed");

        await training.GetByRole(AriaRole.Button, new() { Name = "Record spend on line 1" }).ClickAsync();
        var spendDialog = training.GetByRole(AriaRole.Dialog);
        await spendDialog.GetByLabel("Spent on").FillAsync("2026-11-02");
        await spendDialog.GetByLabel("Spent on").PressAsync("Tab");
        await spendDialog.GetByLabel("Amount spent (EUR)").FillAsync("1000");
        await spendDialog.GetByLabel("Note (optional)").FillAsync("First licence invoice");
        await audit.CheckAsync(training, "the record spend dialog");
        await spendDialog.GetByRole(AriaRole.Button, new() { Name = "Record", Exact = true }).ClickAsync();
        await Expect(training.GetByTestId("spend-entries")).ToContainTextAsync("First licence invoice");
        await Expect(lines).ToContainTextAsync("35,000.00 EUR under");
        var variances = training.GetByTestId("department-variances");
        await ExpectRowAsync(variances, "Training", "600.00 EUR", "21,000.00 EUR under");
        await ExpectRowAsync(variances, "IT", "400.00 EUR", "14,000.00 EUR under");
        await PageEvidence.ScreenshotAsync(training, testName, "4-spend");

        var export = await training.Context.APIRequest.GetAsync($"/rollouts/{Code}/costs/export.csv");
        Assert.Equal(200, export.Status);
        Assert.Contains("LMS licences for 20,000 customers", await export.TextAsync(), StringComparison.Ordinal);

        // The printable record for the signature file: both signatures, the line, the totals.
        await training.GotoAsync($"/rollouts/{Code}/costs/print");
        await Expect(training.GetByTestId("print-signatures")).ToContainTextAsync("Training: signed by Tara Training");
        await Expect(training.GetByTestId("print-signatures")).ToContainTextAsync("IT: signed by Ivan IT");
        await Expect(training.GetByTestId("print-lines")).ToContainTextAsync("12,000.00 EUR");
        await audit.CheckAsync(training, "the printable agreement");
        await PageEvidence.ScreenshotAsync(training, "cost-sharing", "5-printable");
        audit.AssertNoSeriousViolations();
    }

    private static async Task OpenCostsTabAsync(IPage page)
    {
        await page.GotoAsync($"/rollouts/{Code}");
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Costs" }).ClickAsync();
    }

    /// <summary>The department's row shows these in its fourth and fifth columns (per year and over the term, or spent and variance).</summary>
    private static async Task ExpectRowAsync(ILocator table, string department, string fourth, string fifth)
    {
        var row = table.GetByRole(AriaRole.Row).Filter(new() { Has = table.Page.GetByRole(AriaRole.Cell, new() { Name = department, Exact = true }) });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByRole(AriaRole.Cell).Nth(3)).ToHaveTextAsync(fourth);
        await Expect(row.GetByRole(AriaRole.Cell).Nth(4)).ToHaveTextAsync(fifth);
    }

    private static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }
}
