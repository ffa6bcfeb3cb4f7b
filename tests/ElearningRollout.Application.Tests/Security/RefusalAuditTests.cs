using ElearningRollout.Application.Administration;
using System.Text.Json;
using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Tests.Rollouts;
using ElearningRollout.Domain.Rollouts;
using Microsoft.EntityFrameworkCore;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Security;

/// <summary>A refusal is evidence: it is written to the audit log with who and when, and nothing else of the refused command is.</summary>
public sealed class RefusalAuditTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task A_refused_command_is_audited_with_the_person_the_time_and_the_reason_and_changes_nothing_else()
    {
        await _database.PlayAsync(Accounts.Training);
        var code = await _database.Get<RolloutCommands>().CreateAsync(Drafts.Rollout());
        var before = (await _database.Get<RolloutQueries>().GetAsync(code))!;
        var entriesBefore = await EntriesAsync();
        _database.Clock.Advance(TimeSpan.FromMinutes(7));
        var tom = await _database.PlayAsync(Accounts.Training2);

        var refusal = await Assert.ThrowsAsync<AccessRefusedException>(
            () => _database.Get<RolloutCommands>().ChangeHealthAsync(code, RolloutHealth.OffTrack, "Not mine to say", before.Version));

        var added = (await EntriesAsync()).Skip(entriesBefore.Count).ToList();
        var entry = Assert.Single(added);
        Assert.Equal((RefusalAudit.EntityType, RefusalAudit.Action, tom.UserId, tom.DisplayName), (entry.EntityType, entry.Action, entry.UserId, entry.UserName));
        Assert.Equal(_database.Clock.GetUtcNow(), entry.At);
        Assert.Equal(refusal.Message, JsonSerializer.Deserialize<Dictionary<string, string>>(entry.After!)!["Reason"]);
        var after = (await _database.Get<RolloutQueries>().GetAsync(code))!;
        Assert.Equal((before.Version, RolloutHealth.OnTrack), (after.Version, after.Health));
    }

    [Fact]
    public async Task Administrators_find_refusals_in_the_audit_log()
    {
        await _database.PlayAsync(Accounts.Executive);
        await Assert.ThrowsAsync<AccessRefusedException>(() => _database.Get<UserQueries>()
            .ListAsync(new UserListQuery(), new PageRequest()));

        await _database.PlayAsync(Accounts.Admin);
        var refusals = await _database.Get<AuditQueries>()
            .SearchAsync(new AuditLogQuery(EntityType: RefusalAudit.EntityType), new PageRequest());

        var row = Assert.Single(refusals.Items);
        Assert.Equal(("Erin Executive", "Refused"), (row.UserName, row.Action));
        Assert.Contains("Only administrators can see the list of users.", row.Changes, StringComparison.Ordinal);
    }

    private async Task<List<AuditEntry>> EntriesAsync()
    {
        await using var db = await _database.CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
    }
}
