using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Gates;
using ElearningRollout.Application.Gates.ReviewLinks;
using ElearningRollout.Application.Notifications;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Tests.Rollouts;
using ElearningRollout.Domain.Gates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using netDumbster.smtp;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;
using ElearningRollout.Tests.Shared;

namespace ElearningRollout.Application.Tests.Gates;

/// <summary>
/// "Decide from the e-mail": the review request's mail carries a signed, single-use, expiring link for its reviewer,
/// which only leads to the gate (after sign-in, which the web host enforces; tested over HTTP in the web tests).
/// </summary>
public sealed partial class ReviewLinkTests : DatabaseTest
{
    private Guid _gateId;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var liaison = await Database.PlayAsync(Accounts.ItLead);
        await Database.PlayAsync(Accounts.Training);
        var draft = Drafts.Rollout();
        draft.ItLiaisonId = liaison.UserId;
        var code = await Database.Get<RolloutCommands>().CreateAsync(draft);
        _gateId = (await Database.Get<RolloutQueries>().GetAsync(code))!.Gates.Single(g => g.Kind == GateKind.SecurityReview).Id;
        await Database.Get<GateCommands>().SubmitAsync(_gateId, null, null, (await Database.Get<GateQueries>().GetAsync(_gateId))!.Version);
    }

    private ReviewLinkCommands Links => Database.Get<ReviewLinkCommands>();

    [Fact]
    public async Task The_review_request_mail_carries_a_link_for_its_reviewer_that_opens_the_gate_once()
    {
        var (mail, token) = await MailedLinkAsync();
        await Database.PlayAsync(Accounts.ItLead);

        var first = await Links.OpenAsync(token);
        var second = await Links.OpenAsync(token);

        Assert.Contains("Decide from here, on your phone or computer: https://rollouts.example.com/reviews/link?t=", mail, StringComparison.Ordinal);
        Assert.Contains("works until 2026-11-05 09:00 UTC", mail, StringComparison.Ordinal); // sent Monday 09:00, 72 hours
        Assert.Equal(new ReviewLinkOutcome(_gateId, null), first);
        Assert.Equal(new ReviewLinkOutcome(null, ReviewLinkRefusal.AlreadyUsed), second);
        await using var db = await Database.CreateDbContextAsync();
        var stored = await db.ReviewLinks.AsNoTracking().SingleAsync();
        Assert.DoesNotContain(token, stored.Id.ToString("N"), StringComparison.Ordinal); // the row keeps no token
        Assert.NotNull(stored.UsedAt);
        Assert.Contains(await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(ReviewLink)).Select(a => a.Action).ToListAsync(), a => a == "Changed");
    }

    [Fact]
    public async Task An_expired_link_a_changed_one_and_someone_elses_open_nothing_and_are_audited()
    {
        var (_, token) = await MailedLinkAsync();
        var changed = token[..^3] + (token[^3] == 'A' ? "B" : "A") + token[^2..];

        await Database.PlayAsync(Accounts.ItLead2);
        var someoneElses = await Links.OpenAsync(token);
        await Database.PlayAsync(Accounts.ItLead);
        var forged = await Links.OpenAsync(changed);
        var nonsense = await Links.OpenAsync("not-a-token");
        Database.Clock.Advance(TimeSpan.FromHours(73));
        var expired = await Links.OpenAsync(token);

        Assert.Equal(ReviewLinkRefusal.SomeoneElses, someoneElses.Refusal);
        Assert.Equal(ReviewLinkRefusal.NotValid, forged.Refusal);
        Assert.Equal(ReviewLinkRefusal.NotValid, nonsense.Refusal);
        Assert.Equal(ReviewLinkRefusal.Expired, expired.Refusal);
        Assert.All(new[] { someoneElses, forged, nonsense, expired }, o => Assert.Null(o.GateId));
        await using var db = await Database.CreateDbContextAsync();
        Assert.Equal(4, await db.AuditEntries.CountAsync(a => a.EntityType == RefusalAudit.EntityType && a.After!.Contains("review link")));
        Assert.Null((await db.ReviewLinks.AsNoTracking().SingleAsync()).UsedAt); // none of them used it up
    }

    [Fact]
    public async Task Only_a_review_request_carries_a_decide_link()
    {
        using var smtp = SimpleSmtpServer.Start(LoopbackPort.Free());
        await Database.PlayAsync(Accounts.ItLead);
        await Database.Get<GateCommands>().DecideAsync(_gateId, new GateDecisionDraft { Decision = DecisionKind.Reject, Rationale = "No pen test." },
            (await Database.Get<GateQueries>().GetAsync(_gateId))!.Version);

        await Mailer(smtp.Configuration.Port).SendPendingAsync(CancellationToken.None);

        var decision = smtp.ReceivedEmail.Single(m => m.ToAddresses.Single().Address == Accounts.Training);
        Assert.DoesNotContain("/reviews/link", decision.MessageParts[0].BodyData, StringComparison.Ordinal);
        Assert.Contains(smtp.ReceivedEmail, m => m.ToAddresses.Single().Address == Accounts.ItLead && m.MessageParts[0].BodyData.Contains("/reviews/link?t=", StringComparison.Ordinal));
        await using var db = await Database.CreateDbContextAsync();
        Assert.Equal(1, await db.ReviewLinks.CountAsync());
    }

    private async Task<(string Mail, string Token)> MailedLinkAsync()
    {
        using var smtp = SimpleSmtpServer.Start(LoopbackPort.Free());
        Assert.Equal(1, await Mailer(smtp.Configuration.Port).SendPendingAsync(CancellationToken.None));
        var mail = Assert.Single(smtp.ReceivedEmail);
        Assert.Equal(Accounts.ItLead, mail.ToAddresses.Single().Address);
        var body = mail.MessageParts[0].BodyData;
        return (body, Token().Match(body).Groups["token"].Value);
    }

    private NotificationMailer Mailer(int port) => new(
        Database.Get<IDbContextFactory<ElearningRolloutDbContext>>(),
        Options.Create(new EmailOptions { Host = "127.0.0.1", Port = port, UseTls = false, BaseUrl = "https://rollouts.example.com" }),
        Database.Clock,
        NullLogger<NotificationMailer>.Instance,
        Database.Get<ReviewLinkIssuer>());

    [GeneratedRegex(@"/reviews/link\?t=(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex Token();
}
