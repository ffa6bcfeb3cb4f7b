using System.Text.RegularExpressions;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Gates;
using ElearningRollout.EndToEnd.Infrastructure;
using ElearningRollout.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using netDumbster.smtp;
using static Microsoft.Playwright.Assertions;

namespace ElearningRollout.EndToEnd;

/// <summary>
/// Issue 20's "decide from the e-mail ... works on a phone-width screen": the review request's link, taken from the mail
/// the app's own mailer sent, opened on a phone (390 x 844), asks for sign-in and lands on the gate's page, where the
/// decision can be read and taken without scrolling sideways. Nothing is decided here (the demo gate stays as it was for
/// the other tests): that a GET never decides is ReviewLinkHttpTests'.
/// </summary>
public sealed partial class DecideFromEmailOnPhoneTests(ProductUnderTest product) : BrowserTest(product)
{
    private const int PhoneWidth = 390;

    [Fact]
    public async Task The_review_link_from_the_mail_opens_a_decision_page_that_fits_a_phone()
    {
        const string testName = "decide-from-email-phone";
        var (gateId, reviewer, link) = await MailedReviewRequestAsync();
        await using var phone = await Product.Browser.NewContextAsync(new()
        {
            BaseURL = Product.BaseAddress.ToString(),
            ViewportSize = new() { Width = PhoneWidth, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            Locale = "en-GB",
            ReducedMotion = ReducedMotion.Reduce,
        });
        // The sign-in and the redirects through the link are several page loads on a busy machine: wait as a person would.
        phone.SetDefaultTimeout(60_000);
        phone.SetDefaultNavigationTimeout(60_000);
        var page = await phone.NewPageAsync();
        var audit = new AccessibilityAudit(page);

        // The link first asks who this is; signing in carries on to the gate.
        await page.GotoAsync(link);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
        await audit.CheckAsync(page, "the sign-in page on a phone");
        await SignInForm.SignInAsync(page, reviewer);
        await page.WaitForURLAsync(url => url.Contains($"/gates/{gateId}", StringComparison.Ordinal));
        await BlazorCircuit.WaitUntilInteractiveAsync(page);

        var decision = page.GetByTestId("decision-panel");
        // The decision comes after the checklist on a phone: one link at the top takes the reviewer to it.
        await page.GetByTestId("jump-to-decision").ClickAsync();
        await Expect(decision.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToBeInViewportAsync();
        await Expect(decision.GetByRole(AriaRole.Radio, new() { Name = "Approve", Exact = true })).ToBeVisibleAsync();
        await Expect(decision.GetByRole(AriaRole.Radio, new() { Name = "Reject", Exact = true })).ToBeVisibleAsync();
        await Expect(decision.GetByLabel("Rationale")).ToBeEditableAsync();
        await Expect(decision.GetByTestId("record-decision")).ToBeEnabledAsync();
        await audit.CheckAsync(page, "the decision page on a phone");
        await PageEvidence.ScreenshotAsync(page, testName, "decision-page");

        // Nothing of the page is wider than the phone, and the decision's controls lie within its width.
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"The page is {widths[0]} px wide on a {widths[1]} px screen: it scrolls sideways.");
        foreach (var control in new[] { decision.GetByRole(AriaRole.Radio, new() { Name = "Reject", Exact = true }), decision.GetByLabel("Rationale"), decision.GetByTestId("record-decision") })
        {
            await control.ScrollIntoViewIfNeededAsync();
            var box = await control.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= PhoneWidth, $"A decision control lies outside the screen's width: x {box.X}, width {box.Width}.");
        }

        audit.AssertNoSeriousViolations();
    }

    /// <summary>The review request mailed (<see cref="MailedReviewRequest"/>) with links on the app's own address; its decide link.</summary>
    private async Task<(Guid GateId, string ReviewerEmail, string Link)> MailedReviewRequestAsync()
    {
        using var smtp = SimpleSmtpServer.Start(LoopbackPort.Free());
        var (gateId, reviewerEmail, body) = await MailedReviewRequest.SendAsync(Product.Services, smtp, Product.BaseAddress.ToString());
        return (gateId, reviewerEmail, DecideLink().Match(body).Groups["link"].Value);
    }

    [GeneratedRegex(@"Decide from here, on your phone or computer: (?<link>\S+)")]
    private static partial Regex DecideLink();
}
