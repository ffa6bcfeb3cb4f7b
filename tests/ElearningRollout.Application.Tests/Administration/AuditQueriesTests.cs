using ElearningRollout.Application.Administration;
using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Tests.Rollouts;
using ElearningRollout.Domain.Rollouts;
using Microsoft.EntityFrameworkCore;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Administration;

public sealed class AuditQueriesTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.PlayAsync(Accounts.Training);
        var code = await _database.Get<RolloutCommands>().CreateAsync(Drafts.Rollout("=HYPERLINK(\"x\")"));
        _database.Clock.Advance(TimeSpan.FromDays(2));
        var version = (await _database.Get<RolloutQueries>().GetAsync(code))!.Version;
        await _database.Get<RolloutCommands>().ChangeHealthAsync(code, RolloutHealth.AtRisk, "Vendor late", version);
        await _database.PlayAsync(Accounts.Admin);
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    private AuditQueries Log => _database.Get<AuditQueries>();

    [Fact]
    public async Task Filters_by_user_kind_action_and_day_narrow_the_log()
    {
        var byTara = await Log.SearchAsync(new AuditLogQuery(User: "tara"), new PageRequest(0, 100));
        var healthChange = await Log.SearchAsync(new AuditLogQuery(EntityType: "Rollout", Action: "Changed"), new PageRequest());
        var onTheSecondDay = await Log.SearchAsync(new AuditLogQuery(From: new DateOnly(2026, 11, 4), To: new DateOnly(2026, 11, 4)), new PageRequest());
        var beforeThat = await Log.SearchAsync(new AuditLogQuery(User: "tara", To: new DateOnly(2026, 11, 3)), new PageRequest(0, 100));

        Assert.All(byTara.Items, r => Assert.Equal("Tara Training", r.UserName));
        Assert.Contains("Health: On track → At risk", Assert.Single(healthChange.Items).Changes, StringComparison.Ordinal);
        Assert.Equal(["Changed"], onTheSecondDay.Items.Select(r => r.Action).Distinct());
        Assert.Equal(byTara.TotalCount - onTheSecondDay.TotalCount, beforeThat.TotalCount);
    }

    [Fact]
    public async Task A_record_is_named_by_its_person_or_rollout_and_the_action_in_words()
    {
        var tara = await _database.PlayAsync(Accounts.Training);
        await _database.Get<SignInAudit>().RecordAsync(tara.UserId, "typed at sign-in", SignInOutcome.SignedIn);
        await _database.PlayAsync(Accounts.Admin);

        var signIn = Assert.Single((await Log.SearchAsync(new AuditLogQuery(Action: "SignedIn"), new PageRequest())).Items);
        var healthChange = Assert.Single((await Log.SearchAsync(new AuditLogQuery(EntityType: "Rollout", Action: "Changed"), new PageRequest())).Items);
        var code = await CodeAsync();

        Assert.Equal(("Account", tara.DisplayName, "Signed in"), (signIn.Subject, signIn.RecordName, signIn.ActionText));
        Assert.Equal(tara.UserId, signIn.EntityId);
        Assert.Equal(("Rollout", code, "Changed"), (healthChange.Subject, healthChange.RecordName, healthChange.ActionText));
    }

    private async Task<string> CodeAsync()
    {
        await using var db = await _database.CreateDbContextAsync();
        return await db.Rollouts.Select(r => r.Code).SingleAsync();
    }

    [Fact]
    public async Task The_CSV_export_quotes_every_cell_and_defuses_formulas()
    {
        var csv = await Log.ExportCsvAsync(new AuditLogQuery(EntityType: "Rollout"));

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Id,AtUtc,User,EntityType,EntityId,Action,Before,After", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"Tara Training\",\"Rollout\"", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_administrators_read_the_audit_log()
    {
        await _database.PlayAsync(Accounts.ItLead);

        await Assert.ThrowsAsync<AccessRefusedException>(() => Log.SearchAsync(new AuditLogQuery(), new PageRequest()));
        await Assert.ThrowsAsync<AccessRefusedException>(() => Log.ExportCsvAsync(new AuditLogQuery()));
    }
}
