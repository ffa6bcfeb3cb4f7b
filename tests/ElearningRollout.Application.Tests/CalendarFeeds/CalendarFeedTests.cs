using ElearningRollout.Application.Bandwidth;
using ElearningRollout.Application.CalendarFeeds;
using ElearningRollout.Application.Gates;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Tests.Rollouts;
using ElearningRollout.Domain.Bandwidth;
using ElearningRollout.Domain.Gates;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.CalendarFeeds;

/// <summary>People's calendar feeds: what each holds (parsed back with Ical.Net), and the secret that opens it.</summary>
public sealed class CalendarFeedTests : DatabaseTest
{
    private CalendarFeed Feed => Database.Get<CalendarFeed>();

    [Fact]
    public async Task Each_feed_holds_exactly_its_persons_due_dates_go_lives_and_pilot_windows_linking_back()
    {
        // Tara owns A (Ivan liaises); Tom owns B. Tara submits A's security review.
        var ivan = await Database.PlayAsync(Accounts.ItLead);
        var tom = await Database.PlayAsync(Accounts.Training2);
        var b = await Database.Get<RolloutCommands>().CreateAsync(Drafts.Rollout("Forklift refresher"));
        await Database.PlayAsync(Accounts.Training);
        var draft = Drafts.Rollout();
        draft.ItLiaisonId = ivan.UserId;
        var a = await Database.Get<RolloutCommands>().CreateAsync(draft);
        var gate = await SubmitSecurityReviewAsync(a);
        var (aId, bId) = (await RolloutIdAsync(a), await RolloutIdAsync(b));

        var taraUrl = await FeedUrlAsync(Accounts.Training);
        var ivanUrl = await FeedUrlAsync(Accounts.ItLead);
        var tomUrl = await FeedUrlAsync(Accounts.Training2);

        var tara = await ParsedAsync(taraUrl);
        Assert.Equal([$"gate-{gate}", $"golive-{aId}", $"pilot-{aId}"], Uids(tara));
        Assert.Equal(Uids(tara), Uids(await ParsedAsync(ivanUrl)));
        Assert.Equal([$"golive-{bId}", $"pilot-{bId}"], Uids(await ParsedAsync(tomUrl)));

        var gateEvent = tara.Events.Single(e => e.Uid!.StartsWith("gate-", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2026, 11, 16), DateOnly.FromDateTime(gateEvent.DtStart!.Value));
        Assert.False(gateEvent.DtStart.HasTime);
        Assert.Equal(new Uri($"http://localhost:5080/gates/{gate}"), gateEvent.Url);
        var pilot = tara.Events.Single(e => e.Uid!.StartsWith("pilot-", StringComparison.Ordinal));
        Assert.Equal((new DateOnly(2027, 3, 1), new DateOnly(2027, 4, 1)), (DateOnly.FromDateTime(pilot.DtStart!.Value), DateOnly.FromDateTime(pilot.DtEnd!.Value)));
        Assert.Equal(new Uri($"http://localhost:5080/rollouts/{a}"), pilot.Url);

        // Ivan approves with a condition for Tom: the gate leaves Tara's and Ivan's feeds, the condition joins Tom's.
        await Database.PlayAsync(Accounts.ItLead);
        await Database.Get<GateCommands>().DecideAsync(gate, new GateDecisionDraft
        {
            Decision = DecisionKind.ApproveWithConditions,
            Rationale = "Pen test summary still to come.",
            Conditions = [new ConditionDraft { Text = "Send the pen test summary", OwnerId = tom.UserId, DueDate = new DateOnly(2026, 12, 1) }],
        }, (await Database.Get<GateQueries>().GetAsync(gate))!.Version);

        Assert.Equal([$"golive-{aId}", $"pilot-{aId}"], Uids(await ParsedAsync(taraUrl)));
        var tomAfter = await ParsedAsync(tomUrl);
        var condition = Assert.Single(tomAfter.Events, e => e.Uid!.StartsWith("condition-", StringComparison.Ordinal));
        Assert.Equal(3, tomAfter.Events.Count);
        Assert.Equal(new DateOnly(2026, 12, 1), DateOnly.FromDateTime(condition.DtStart!.Value));
        Assert.Contains("Send the pen test summary", condition.Summary, StringComparison.Ordinal);
        Assert.Equal(new Uri($"http://localhost:5080/gates/{gate}"), condition.Url);
    }

    [Fact]
    public async Task A_new_feed_revokes_the_old_a_revoked_or_unknown_secret_opens_nothing_and_both_are_audited()
    {
        var first = await FeedUrlAsync(Accounts.Training);
        var second = await FeedUrlAsync(Accounts.Training);
        Assert.Null(await Feed.RenderAsync(SecretOf(first), null, CancellationToken.None));
        Assert.NotNull(await Feed.RenderAsync(SecretOf(second), null, CancellationToken.None));
        Assert.True((await Database.Get<CalendarFeedQueries>().GetMineAsync()).InUse);

        await Database.Get<CalendarFeedCommands>().RevokeAsync();

        Assert.Null(await Feed.RenderAsync(SecretOf(second), null, CancellationToken.None));
        Assert.Null(await Feed.RenderAsync(CalendarFeedToken.NewSecret(), null, CancellationToken.None));
        Assert.Null(await Feed.RenderAsync("not-a-feed", null, CancellationToken.None));
        Assert.False((await Database.Get<CalendarFeedQueries>().GetMineAsync()).InUse);
        await Assert.ThrowsAsync<Common.NotFoundException>(() => Database.Get<CalendarFeedCommands>().RevokeAsync());
        await using var db = await Database.CreateDbContextAsync();
        var actions = await db.AuditEntries.Where(e => e.EntityType == nameof(CalendarFeedToken)).Select(e => e.Action).ToListAsync();
        Assert.Equal(["CalendarFeedCreated", "CalendarFeedCreated", "CalendarFeedRefused", "CalendarFeedRefused", "CalendarFeedRefused", "CalendarFeedRefused",
            "CalendarFeedRevoked", "CalendarFeedRevoked"], actions.Order().ToArray());
        Assert.DoesNotContain(await db.CalendarFeedTokens.Select(t => t.SecretHash).ToListAsync(), hash => second.Contains(hash, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_disabled_accounts_feed_opens_nothing()
    {
        var url = await FeedUrlAsync(Accounts.Training2);
        await using (var db = await Database.CreateDbContextAsync())
        {
            var user = await db.Users.SingleAsync(u => u.Email == Accounts.Training2);
            user.IsDisabled = true;
            await db.SaveChangesAsync();
        }

        Assert.Null(await Feed.RenderAsync(SecretOf(url), null, CancellationToken.None));
    }

    [Fact]
    public async Task The_launch_waves_of_a_persons_rollouts_are_in_their_feed_on_their_days_and_nobody_elses()
    {
        // Tara owns A with Ivan as liaison and plans its go-live as waves; Tom owns nothing of it.
        var ivan = await Database.PlayAsync(Accounts.ItLead);
        await Database.PlayAsync(Accounts.Training);
        var draft = Drafts.Rollout();
        draft.ItLiaisonId = ivan.UserId;
        var a = await Database.Get<RolloutCommands>().CreateAsync(draft);
        var plans = Database.Get<BandwidthPlanCommands>();
        await plans.SaveAsync(a, new BandwidthPlanDraft
        {
            AllowedSharePercent = 70,
            Sites = [new BandwidthSiteDraft { Name = "Lyon plant", Learners = 300, PeakOnlinePercent = 20, LinkMbps = 100m, Media = CourseMedia.TextAndImages }],
        }, null);
        var gate = (await Database.Get<RolloutQueries>().GetAsync(a))!.Gates.Single(g => g.Kind == GateKind.InfrastructureAndNetwork).Id;
        await plans.SaveWavesAsync(a, new LaunchWavesDraft
        {
            Waves =
            [
                new LaunchWaveDraft { Name = "Lyon day shift", StartsOn = new DateOnly(2027, 5, 3), Allocations = [new WaveSiteDraft { Site = "Lyon plant", Learners = 200 }] },
                new LaunchWaveDraft { Name = "Lyon night shift", StartsOn = new DateOnly(2027, 5, 10), Allocations = [new WaveSiteDraft { Site = "Lyon plant", Learners = 100 }] },
            ],
        }, (await Database.Get<BandwidthPlanQueries>().ForGateAsync(gate))!.Plan!.Version);

        var tara = await ParsedAsync(await FeedUrlAsync(Accounts.Training));
        var ivanFeed = await ParsedAsync(await FeedUrlAsync(Accounts.ItLead));
        var tom = await ParsedAsync(await FeedUrlAsync(Accounts.Training2));

        var waves = tara.Events.Where(e => e.Uid!.StartsWith("wave-", StringComparison.Ordinal)).OrderBy(e => e.DtStart!.Value).ToList();
        Assert.Equal(
            [("ELR-0001: launch wave Lyon day shift (200 learners)", new DateOnly(2027, 5, 3)), ("ELR-0001: launch wave Lyon night shift (100 learners)", new DateOnly(2027, 5, 10))],
            waves.Select(e => (e.Summary!.Replace(a, "ELR-0001", StringComparison.Ordinal), DateOnly.FromDateTime(e.DtStart!.Value))).ToList());
        Assert.All(waves, e =>
        {
            Assert.False(e.DtStart!.HasTime);
            Assert.Equal(DateOnly.FromDateTime(e.DtStart.Value).AddDays(1), DateOnly.FromDateTime(e.DtEnd!.Value));
            Assert.Equal(new Uri($"http://localhost:5080/rollouts/{a}"), e.Url);
        });
        Assert.Equal(2, ivanFeed.Events.Count(e => e.Uid!.StartsWith("wave-", StringComparison.Ordinal)));
        Assert.DoesNotContain(tom.Events, e => e.Uid!.StartsWith("wave-", StringComparison.Ordinal));
    }

    private async Task<string> FeedUrlAsync(string email)
    {
        await Database.PlayAsync(email);
        return (await Database.Get<CalendarFeedCommands>().CreateAsync()).Url;
    }

    private static string SecretOf(string url) => url[(url.LastIndexOf('/') + 1)..^".ics".Length];

    private async Task<Ical.Net.Calendar> ParsedAsync(string url)
        => Ical.Net.Calendar.Load(await Feed.RenderAsync(SecretOf(url), null, CancellationToken.None) ?? throw new InvalidOperationException("No feed."))!;

    private static string[] Uids(Ical.Net.Calendar calendar)
        => calendar.Events.Select(e => e.Uid!.Replace("@elearning-rollout", "", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();

    private async Task<Guid> RolloutIdAsync(string code)
    {
        await using var db = await Database.CreateDbContextAsync();
        return await db.Rollouts.Where(r => r.Code == code).Select(r => r.Id).SingleAsync();
    }

    private async Task<Guid> SubmitSecurityReviewAsync(string code)
    {
        await Database.PlayAsync(Accounts.Training);
        var gates = Database.Get<GateQueries>();
        var id = (await Database.Get<RolloutQueries>().GetAsync(code))!.Gates.Single(g => g.Kind == GateKind.SecurityReview).Id;
        foreach (var item in (await gates.GetAsync(id))!.Checklist)
        {
            await Database.Get<GateCommands>().SetChecklistItemAsync(id, item.Id, ChecklistItemState.Met, "Filed.", (await gates.GetAsync(id))!.Version);
        }

        await Database.Get<GateCommands>().SubmitAsync(id, null, null, (await gates.GetAsync(id))!.Version);
        return id;
    }
}
