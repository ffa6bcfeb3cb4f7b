using System.Text.RegularExpressions;
using ElearningRollout.ClusterTests.Infrastructure;
using ElearningRollout.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElearningRollout.ClusterTests;

/// <summary>
/// Two instances behind HAProxy over one database and one Redis, driven in Chromium as people use them: a change
/// on one instance appears live on the other, its e-mail goes out once, and losing an instance loses nobody's work.
/// </summary>
[Collection(ClusterCollection.Name)]
[TestCaseOrderer(ByRunOrder.TypeName, ByRunOrder.AssemblyName)]
public sealed class ClusterTests(ClusterUnderTest cluster)
{
    private const string SignInPath = "/Account/Login";

    [Fact, RunOrder(1)]
    public async Task A_decision_taken_on_instance_B_appears_live_on_instance_A_and_its_email_is_sent_exactly_once()
    {
        // The training manager watches the sign-off dashboard on instance A.
        await using var trainingContext = await cluster.NewContextOnAsync(cluster.A);
        var training = await trainingContext.NewPageAsync();
        await SignInAsync(training, DemoLogins.Training);
        await training.GotoAsync("/dashboard");
        await WaitUntilInteractiveAsync(training);
        var bell = training.GetByTestId("notification-bell");
        var unreadBefore = await bell.GetAttributeAsync("aria-label");
        var approvedCell = training.GetByTestId("heatmap").Locator("td[aria-label^='Security review, Approved:']");
        var approvedBefore = int.Parse((await approvedCell.TextContentAsync())!.Trim(), System.Globalization.CultureInfo.InvariantCulture);

        // The IT lead approves ELR-0001's security review on instance B.
        await using var itContext = await cluster.NewContextOnAsync(cluster.B);
        var itLead = await itContext.NewPageAsync();
        await SignInAsync(itLead, DemoLogins.ItLead);
        await itLead.GotoAsync("/reviews");
        await WaitUntilInteractiveAsync(itLead);
        await itLead.GetByRole(AriaRole.Row).Filter(new() { HasText = "ELR-0001" })
            .GetByRole(AriaRole.Link, new() { Name = "Security review" }).ClickAsync();
        await WaitUntilInteractiveAsync(itLead);
        await itLead.GetByRole(AriaRole.Radio, new() { Name = "Approve", Exact = true }).CheckAsync();
        await itLead.GetByLabel("Rationale").FillAsync("Cluster test: the security evidence is complete.");
        await itLead.GetByTestId("record-decision").ClickAsync();
        await Expect(itLead.GetByText("Approved").First).ToBeVisibleAsync();

        // Instance A's open page updates by itself, through Redis: the bell and the dashboard's heatmap.
        await Expect(bell).Not.ToHaveAttributeAsync("aria-label", unreadBefore ?? "");
        await Expect(approvedCell).ToHaveTextAsync($"{approvedBefore + 1}");
        Assert.Equal("a", await ClusterUnderTest.InstanceOfAsync(trainingContext));
        Assert.Equal("b", await ClusterUnderTest.InstanceOfAsync(itContext));

        // Both instances run the notification pass every few seconds; the mail about the decision arrives once,
        // and stays once after two more passes of the lease holder.
        var decisionMail = new Regex("Security review of ELR-0001 approved", RegexOptions.IgnoreCase);
        await WaitUntilAsync(() => MailsTo(DemoLogins.Training, decisionMail) > 0, TimeSpan.FromMinutes(2), "the decision's e-mail to arrive");
        await WaitForTwoMorePassesAsync();
        Assert.Equal(1, MailsTo(DemoLogins.Training, decisionMail));
        var received = cluster.Smtp.ReceivedEmail.Select(m => (To: m.ToAddresses[0].Address, Subject: m.Headers["Subject"], Body: m.MessageParts[0].BodyData)).ToList();
        Assert.Equal(received.Count, received.Distinct().Count());
    }

    [Fact, RunOrder(2)]
    public async Task When_instance_A_dies_mid_way_through_the_new_rollout_form_the_person_goes_on_at_instance_B_and_creates_it_once()
    {
        const string title = "Cluster failover academy";
        await using var context = await cluster.NewContextOnAsync(cluster.A);
        var page = await context.NewPageAsync();
        await SignInAsync(page, DemoLogins.Training);
        await page.GotoAsync("/rollouts/new");
        await WaitUntilInteractiveAsync(page);
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Start date").FillAsync("2027-01-04");
        await page.GetByLabel("Start date").PressAsync("Tab");
        await page.GetByLabel("Target go-live").FillAsync("2027-06-30");
        await page.GetByLabel("Target go-live").PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await StepShownAsync(page, "Audiences and reach");
        await page.GetByLabel("Employees").CheckAsync();
        await page.GetByLabel("Estimated learners").FillAsync("800");
        await page.GetByLabel("Estimated learners").PressAsync("Tab");
        await Expect(page.GetByLabel("Estimated learners")).ToHaveValueAsync("800");

        // An IT lead on the same instance is writing a decision on a gate that awaits them.
        await using var itContext = await cluster.NewContextOnAsync(cluster.A);
        var itLead = await itContext.NewPageAsync();
        await SignInAsync(itLead, DemoLogins.ItLead);
        await itLead.GotoAsync("/reviews");
        await WaitUntilInteractiveAsync(itLead);
        await itLead.Locator("[data-testid=review-queue] a[href*='/gates/']").First.ClickAsync();
        await itLead.WaitForURLAsync(url => url.Contains("/gates/", StringComparison.Ordinal));
        await WaitUntilInteractiveAsync(itLead);
        const string rationale = "Cluster test: the data-flow diagram is missing the LMS-to-HR interface.";
        await itLead.GetByRole(AriaRole.Radio, new() { Name = "Reject", Exact = true }).CheckAsync();
        var decisionDraft = await KeptDraftAsync(itLead, "gate-decision:", null);
        await itLead.GetByLabel("Rationale").FillAsync(rationale);
        await itLead.GetByLabel("Rationale").PressAsync("Tab");
        await KeptDraftAsync(itLead, "gate-decision:", decisionDraft);
        Assert.Equal("a", await ClusterUnderTest.InstanceOfAsync(itContext));

        cluster.A.Kill();

        // Within 30 seconds: on instance B, still signed in, the form at the step they were on with what they typed.
        var thirtySeconds = new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 };
        await Expect(page.GetByTestId("draft-restored")).ToBeVisibleAsync(thirtySeconds);
        Assert.Equal("b", await ClusterUnderTest.InstanceOfAsync(context));
        await StepShownAsync(page, "Audiences and reach");
        await Expect(page.GetByLabel("Estimated learners")).ToHaveValueAsync("800");
        await Expect(page.GetByLabel("Employees")).ToBeCheckedAsync();
        await Expect(page.GetByTestId("user-menu")).ToBeVisibleAsync();

        // The IT lead is on B too, with the decision they were writing; nothing was recorded.
        await Expect(itLead.GetByTestId("decision-draft-restored")).ToBeVisibleAsync(thirtySeconds);
        Assert.Equal("b", await ClusterUnderTest.InstanceOfAsync(itContext));
        await Expect(itLead.GetByLabel("Rationale")).ToHaveValueAsync(rationale);
        await Expect(itLead.GetByRole(AriaRole.Radio, new() { Name = "Reject", Exact = true })).ToBeCheckedAsync();
        await Expect(itLead.GetByTestId("record-decision")).ToHaveTextAsync("Reject");

        await page.GetByLabel("Peak concurrent learners").FillAsync("40");
        await page.GetByLabel("Office network").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await StepShownAsync(page, "Hosting and integrations");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await StepShownAsync(page, "Pilot cohort");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await StepShownAsync(page, "Review and create");
        await Expect(page.GetByText(title).First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create rollout" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/rollouts/ELR-", StringComparison.Ordinal));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);

        Assert.Equal(1, await cluster.CountAsync("SELECT COUNT(*) FROM Rollouts WHERE Title = $title", ("$title", title)));
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync(SignInPath);
        await page.Locator("[id='Input.Email']").FillAsync(email);
        await page.Locator("[id='Input.Password']").FillAsync(DemoLogins.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains(SignInPath, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// A prerendered page is interactive once its circuit has replaced the user menu's button (Blazor stamps the
    /// elements it holds a reference to with a _bl_ attribute); a click before that is lost.
    /// </summary>
    private static Task WaitUntilInteractiveAsync(IPage page)
        => page.WaitForFunctionAsync(
            """
            () => {
                const element = document.querySelector('[data-testid=user-menu] button');
                return window.Blazor !== undefined && element !== null
                    && [...element.attributes].some(attribute => attribute.name.startsWith('_bl_'));
            }
            """);

    // Each step validates on the server before it moves: wait for the next step's heading before the next click.
    private static Task StepShownAsync(IPage page, string title)
        => Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = title })).ToBeVisibleAsync();

    /// <summary>
    /// Waits until the tab keeps a draft whose name starts with <paramref name="prefix"/> and differs from
    /// <paramref name="before"/> (each save writes new ciphertext): what was typed has reached the tab.
    /// </summary>
    private static async Task<string> KeptDraftAsync(IPage page, string prefix, string? before)
    {
        var kept = await page.WaitForFunctionAsync(
            """
            ([prefix, before]) => {
                for (let i = 0; i < sessionStorage.length; i++) {
                    const key = sessionStorage.key(i);
                    if (key.startsWith(prefix) && sessionStorage.getItem(key) !== before) {
                        return sessionStorage.getItem(key);
                    }
                }
                return null;
            }
            """, new object?[] { prefix, before });
        return await kept.JsonValueAsync<string>();
    }

    private int MailsTo(string address, Regex subject)
        => cluster.Smtp.ReceivedEmail.Count(m => m.ToAddresses.Any(a => a.Address == address) && subject.IsMatch(m.Headers["Subject"] ?? ""));

    /// <summary>The lease holder renews its lease on every pass: two renewals are two more passes that could have repeated a mail.</summary>
    private async Task WaitForTwoMorePassesAsync()
    {
        const string lease = "SELECT ExpiresAtUnixMs FROM WorkLeases WHERE Name = 'notification-pass'";
        var seen = new HashSet<long> { await cluster.CountAsync(lease) };
        await WaitUntilAsync(async () => seen.Add(await cluster.CountAsync(lease)) && seen.Count >= 3, TimeSpan.FromMinutes(1), "two more notification passes");
    }

    private static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
        => WaitUntilAsync(() => Task.FromResult(condition()), timeout, what);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {timeout} for {what}.");
            }

            await Task.Delay(250);
        }
    }
}
