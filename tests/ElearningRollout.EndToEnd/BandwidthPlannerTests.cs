using ElearningRollout.EndToEnd.Infrastructure;
using ElearningRollout.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElearningRollout.EndToEnd;

/// <summary>
/// The training owner plans the network load on the Infrastructure and network gate: two sites, one flagged above its
/// allowed share, the plan saved as evidence, launch waves suggested, changed by hand on a tablet (a count above the
/// site's limit refused beside it, then fixed) and saved, and the waves on the Phases tab.
/// </summary>
public sealed class BandwidthPlannerTests(ProductUnderTest product) : BrowserTest(product)
{
    // ELR-0008 (Partner channel onboarding, hybrid hosting) is owned by training2@; no other test uses it.
    private const string Code = "ELR-0008";

    [Fact]
    public async Task Training_enters_two_sites_sees_one_flagged_saves_gets_waves_that_fit_changes_them_by_hand_saves_them_and_sees_them_on_the_phases_tab()
    {
        const string testName = "bandwidth-planner";
        var audit = new AccessibilityAudit();
        var page = Page;
        await SignInForm.OpenAsync(page);
        await SignInForm.SignInAsync(page, DemoLogins.Training2);
        await page.GotoAsync($"/rollouts/{Code}");
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Gates" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Infrastructure and network" }).First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/gates/", StringComparison.Ordinal));
        await BlazorCircuit.WaitUntilInteractiveAsync(page);

        var planner = page.GetByTestId("bandwidth-planner");
        await Expect(planner.GetByTestId("no-bandwidth-plan")).ToBeVisibleAsync();
        await Expect(planner.GetByLabel("Allowed share of each link (%)")).ToHaveValueAsync("70");

        // Head office: 2,000 learners, 20% online, text and images: 400 × 0.011 = 4.44 Mbit/s of 70 allowed.
        await FillSiteAsync(planner.GetByTestId("site-row-0"), "Head office", "2000", "20", "100");
        await planner.GetByRole(AriaRole.Button, new() { Name = "Add a site" }).ClickAsync();
        // Branch office: 3,000 learners, 50% online: 1,500 × 0.011 = 16.67 Mbit/s, above the 7 allowed on a 10 Mbit/s link.
        await FillSiteAsync(planner.GetByTestId("site-row-1"), "Branch office", "3000", "50", "10");
        await planner.GetByRole(AriaRole.Button, new() { Name = "Save bandwidth plan" }).ClickAsync();

        var sites = planner.GetByTestId("bandwidth-table").GetByTestId("bandwidth-site");
        await Expect(sites).ToHaveCountAsync(2);
        await Expect(sites.Filter(new() { HasText = "Branch office" })).ToContainTextAsync("Above allowed share");
        await Expect(sites.Filter(new() { HasText = "Branch office" })).ToContainTextAsync("16.67 Mbit/s");
        await Expect(sites.Filter(new() { HasText = "Head office" })).ToContainTextAsync("Within allowed share");
        await Expect(planner.GetByTestId("bandwidth-over-limit")).ToContainTextAsync("Branch office needs more than 70% of its link at the peak");
        await Expect(planner.GetByTestId("bandwidth-workings")).ToContainTextAsync("3,000 learners × 50% online at the peak = 1,500 at once");
        await audit.CheckAsync(page, "the bandwidth planner on the Infrastructure and network gate");
        await PageEvidence.ScreenshotAsync(page, testName, "1-plan");

        // Branch office carries 630 learners at once, 1,260 of its learners a wave: its 3,000 take three waves.
        var waves = planner.GetByTestId("launch-waves");
        await waves.GetByLabel("First wave starts").FillAsync("2027-03-01");
        await waves.GetByLabel("First wave starts").PressAsync("Tab");
        await waves.GetByRole(AriaRole.Button, new() { Name = "Suggest waves" }).ClickAsync();
        // The row's site, as its select shows it (the select's own input holds the text shown).
        await Expect(waves.GetByTestId("wave-2-site-1").Locator("input").First).ToHaveValueAsync("Branch office");
        await Expect(waves.GetByLabel("Wave 3, learners at site 2")).ToHaveValueAsync("1000");
        await Expect(waves.GetByTestId("wave-row-3")).ToHaveCountAsync(0);
        await waves.GetByLabel("Wave 1 name").FillAsync("Pilot group");
        await waves.GetByLabel("Wave 1 name").PressAsync("Tab");
        await PageEvidence.ScreenshotAsync(page, testName, "2-suggested");

        // The keyboard alone: Enter on "Add a wave" puts the cursor in the new wave's name; Enter on its remove button
        // takes it away again (it has no learners, so nothing is asked).
        await waves.GetByRole(AriaRole.Button, new() { Name = "Add a wave" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(waves.GetByLabel("Wave 4 name")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Late joiners");
        await Expect(waves.GetByLabel("Wave 4 name")).ToHaveValueAsync("Late joiners");
        await waves.GetByRole(AriaRole.Button, new() { Name = "Remove wave 4" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(waves.GetByTestId("wave-row-3")).ToHaveCountAsync(0);

        // Asking for a suggestion again would replace what is being planned: it asks first, and Cancel keeps it all.
        await waves.GetByRole(AriaRole.Button, new() { Name = "Suggest waves" }).ClickAsync();
        var replace = page.GetByRole(AriaRole.Dialog);
        await Expect(replace).ToContainTextAsync("The suggestion replaces the 3 waves in the editor");
        await replace.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(replace).ToHaveCountAsync(0);
        await Expect(waves.GetByLabel("Wave 1 name")).ToHaveValueAsync("Pilot group");

        // By hand, on a tablet: the pilot takes more of Branch office, the second wave fewer. 1,300 is above the 1,260
        // that can start there together: the plan's message is beside that count, not in a general alert.
        await page.SetViewportSizeAsync(768, 1024);
        var pilotBranch = waves.GetByLabel("Wave 1, learners at site 2");
        await pilotBranch.FillAsync("1300");
        await pilotBranch.PressAsync("Tab");
        await waves.GetByLabel("Wave 2, learners at site 2").FillAsync("700");
        await waves.GetByLabel("Wave 2, learners at site 2").PressAsync("Tab");
        await waves.GetByRole(AriaRole.Button, new() { Name = "Save waves" }).ClickAsync();

        await Expect(waves.GetByTestId("wave-0-site-1")).ToContainTextAsync("At most 1,260 learners can start there together");
        await Expect(waves.GetByTestId("command-problem")).ToContainTextAsync("Not saved.");
        await Expect(waves.GetByTestId("command-problem")).Not.ToContainTextAsync("1,260");
        await Expect(waves.GetByTestId("wave-1-site-1")).Not.ToContainTextAsync("At most");
        // At 768 px the wave's fields fit across: its last control is fully in view once its row is.
        await waves.GetByTestId("wave-0-site-1").ScrollIntoViewIfNeededAsync();
        await Expect(waves.GetByRole(AriaRole.Button, new() { Name = "Remove site 2 from wave 1" })).ToBeInViewportAsync(new() { Ratio = 1 });
        await audit.CheckAsync(page, "a launch wave refused beside its site, at tablet width");
        await PageEvidence.ScreenshotAsync(page, testName, "3-refused-768");

        await pilotBranch.FillAsync("1260");
        await pilotBranch.PressAsync("Tab");
        await Expect(waves.GetByTestId("wave-0-site-1")).Not.ToContainTextAsync("At most 1,260");
        await waves.GetByLabel("Wave 2, learners at site 2").FillAsync("740");
        await waves.GetByLabel("Wave 2, learners at site 2").PressAsync("Tab");
        await waves.GetByRole(AriaRole.Button, new() { Name = "Save waves" }).ClickAsync();

        var saved = waves.GetByTestId("saved-waves").GetByTestId("launch-wave");
        await Expect(saved).ToHaveCountAsync(3);
        await Expect(saved.First).ToContainTextAsync("Pilot group");
        await Expect(saved.First).ToContainTextAsync("Branch office 1,260");
        await Expect(planner.GetByTestId("wave-findings")).ToHaveCountAsync(0);
        await audit.CheckAsync(page, "the saved launch waves");
        await page.SetViewportSizeAsync(1280, 800);

        // The waves are on the rollout's Phases tab, with their days.
        await page.GotoAsync($"/rollouts/{Code}");
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Phases" }).ClickAsync();
        var phaseWaves = page.GetByTestId("phase-launch-waves").GetByTestId("launch-wave");
        await Expect(phaseWaves).ToHaveCountAsync(3);
        await Expect(phaseWaves.Nth(0)).ToContainTextAsync("1 Mar 2027");
        await Expect(phaseWaves.Nth(0)).ToContainTextAsync("Pilot group");
        await Expect(phaseWaves.Nth(0)).ToContainTextAsync("Branch office 1,260");
        await Expect(phaseWaves.Nth(1)).ToContainTextAsync("Branch office 740");
        await Expect(phaseWaves.Nth(2)).ToContainTextAsync("15 Mar 2027");
        await audit.CheckAsync(page, "the launch waves on the Phases tab");
        await PageEvidence.ScreenshotAsync(page, testName, "3-phases");
        audit.AssertNoSeriousViolations();
    }

    private static async Task FillSiteAsync(ILocator row, string name, string learners, string peakPercent, string linkMbps)
    {
        await row.GetByLabel("Site name").FillAsync(name);
        await row.GetByLabel("Learners", new() { Exact = true }).FillAsync(learners);
        await row.GetByLabel("Online at the peak (%)").FillAsync(peakPercent);
        await row.GetByLabel("Link capacity (Mbit/s)").FillAsync(linkMbps);
        await row.GetByLabel("Link capacity (Mbit/s)").PressAsync("Tab");
    }
}
