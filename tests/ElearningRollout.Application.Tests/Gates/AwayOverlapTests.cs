using ElearningRollout.Application.Common;
using ElearningRollout.Application.Gates;
using ElearningRollout.Application.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Gates;

/// <summary>
/// A reviewer is away once at a time (so each review has one stand-in): an absence over days of one already set is
/// refused as a message for the first day, the form's field, on real SQLite; an absence's own days never overlap itself.
/// </summary>
public sealed class AwayOverlapTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private string _iris = "";

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _iris = (await _database.PlayAsync(Accounts.ItLead2)).UserId;
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task An_absence_overlapping_the_reviewers_own_is_refused_beside_its_first_day_and_nothing_is_written()
    {
        var today = DateOnly.FromDateTime(_database.Clock.GetUtcNow().UtcDateTime);
        await _database.PlayAsync(Accounts.ItLead);
        var stand = _database.Get<StandInCommands>();
        var first = await stand.SetAwayAsync(new AwayDraft { From = today, Until = today.AddDays(4), StandInId = _iris });

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(
            () => stand.SetAwayAsync(new AwayDraft { From = today.AddDays(3), Until = today.AddDays(8), StandInId = _iris }));
        await stand.SetAwayAsync(new AwayDraft { From = today.AddDays(5), Until = today.AddDays(8), StandInId = _iris });
        Guid version;
        await using (var db = await _database.CreateDbContextAsync())
        {
            version = (await db.ReviewerAbsences.AsNoTracking().SingleAsync(a => a.Id == first)).Version;
        }

        await stand.ChangeAwayAsync(first, new AwayDraft { From = today, Until = today.AddDays(3), StandInId = _iris }, version);

        Assert.Equal([nameof(AwayDraft.From)], refused.Errors.Keys);
        Assert.Equal($"You are already away from {today:yyyy-MM-dd} to {today.AddDays(4):yyyy-MM-dd}; end or change that absence instead.",
            refused.Errors[nameof(AwayDraft.From)].Single());
        await using var check = await _database.CreateDbContextAsync();
        Assert.Equal(2, await check.ReviewerAbsences.CountAsync());
    }
}
