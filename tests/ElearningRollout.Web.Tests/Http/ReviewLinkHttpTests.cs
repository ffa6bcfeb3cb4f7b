using System.Net;
using System.Text.RegularExpressions;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;

namespace ElearningRollout.Web.Tests.Http;

/// <summary>
/// "Decide from the e-mail" over HTTP, against the real app and a real SMTP server: the review request's link asks for
/// sign-in, then opens the gate's page once for the reviewer it was sent to; every other use lands on a page in the shell.
/// A GET never decides: the gate still awaits its decision afterwards.
/// </summary>
public sealed partial class ReviewLinkHttpTests(ProductAppFactory app) : IClassFixture<ProductAppFactory>
{
    [Fact]
    public async Task The_link_asks_for_sign_in_then_opens_the_gate_once_for_its_reviewer_and_never_decides()
    {
        // E-mail is off in the app, so its background pass sends nothing; the test sends the review request with the
        // app's own mailer parts (its database, its Data Protection keys) to this SMTP server.
        using var smtp = SimpleSmtpServer.Start(LoopbackPort.Free());
        var (gateId, reviewer, token) = await MailedReviewRequestAsync(smtp);
        var link = $"/reviews/link?t={token}";

        var anonymous = await SignedInClient.Anonymous(app).GetAsync(link);
        var someoneElse = await (await SignedInClient.SignInAsync(app, reviewer == DemoLogins.ItLead ? DemoLogins.ItLead2 : DemoLogins.ItLead)).GetAsync(link);
        var client = await SignedInClient.SignInAsync(app, reviewer);
        var opened = await client.GetAsync(link);
        var again = await client.GetAsync(link);
        var forged = await client.GetAsync(link[..^4] + (link[^4] == 'x' ? "y" : "x") + link[^3..]);

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Account/Login", anonymous.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal("/reviews/link/refused?reason=SomeoneElses", someoneElse.Headers.Location!.OriginalString);
        Assert.Equal($"/gates/{gateId}", opened.Headers.Location!.OriginalString);
        Assert.Contains("no-store", opened.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal("/reviews/link/refused?reason=AlreadyUsed", again.Headers.Location!.OriginalString);
        Assert.Equal("/reviews/link/refused?reason=NotValid", forged.Headers.Location!.OriginalString);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ElearningRolloutDbContext>>().CreateDbContextAsync();
        Assert.Contains(await db.ClearanceGates.Where(g => g.Id == gateId).Select(g => g.State).SingleAsync(), GateStateRules.AwaitingDecision);
    }

    [Theory]
    [InlineData("AlreadyUsed", "This review link was already used")]
    [InlineData("Expired", "This review link has expired")]
    [InlineData("SomeoneElses", "This review link was sent to someone else")]
    [InlineData("NotValid", "This review link is not valid")]
    [InlineData("<script>", "This review link is not valid")]
    public async Task A_refused_link_gets_a_page_in_the_shell_that_says_why(string reason, string heading)
    {
        var client = await SignedInClient.SignInAsync(app, DemoLogins.ItLead);

        var page = await client.GetAsync($"/reviews/link/refused?reason={Uri.EscapeDataString(reason)}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains(heading, html, StringComparison.Ordinal);
        Assert.Contains("Main navigation", html, StringComparison.Ordinal);
    }

    /// <summary>The review request mailed (<see cref="MailedReviewRequest"/>) with links on an example address; its link's token.</summary>
    private async Task<(Guid GateId, string ReviewerEmail, string Token)> MailedReviewRequestAsync(SimpleSmtpServer smtp)
    {
        var (gateId, reviewerEmail, body) = await MailedReviewRequest.SendAsync(app.Services, smtp, "https://rollouts.example.com");
        Assert.Contains("Decide from here, on your phone or computer: https://rollouts.example.com/reviews/link?t=", body, StringComparison.Ordinal);
        return (gateId, reviewerEmail, Token().Match(body).Groups["token"].Value);
    }

    [GeneratedRegex(@"/reviews/link\?t=(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex Token();
}
