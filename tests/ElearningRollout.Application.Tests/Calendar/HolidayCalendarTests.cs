using ElearningRollout.Application.Calendar;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Gates;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Tests.Rollouts;
using ElearningRollout.Domain.Gates;
using Microsoft.EntityFrameworkCore;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Calendar;

/// <summary>The administrators' holiday calendar, and the due dates that skip it.</summary>
public sealed class HolidayCalendarTests : DatabaseTest
{
    // The test clock reads Monday 2 November 2026; Wednesday 11 November becomes a holiday.
    private static readonly DateOnly Armistice = new(2026, 11, 11);

    private HolidayCommands Commands => Database.Get<HolidayCommands>();

    private HolidayQueries Queries => Database.Get<HolidayQueries>();

    [Theory]
    [InlineData(Accounts.Training)]
    [InlineData(Accounts.ItLead)]
    [InlineData(Accounts.Executive)]
    public async Task Only_administrators_keep_the_holiday_calendar(string email)
    {
        await Database.PlayAsync(Accounts.Admin);
        await Commands.AddAsync(new HolidayDraft { Date = Armistice, Name = "Armistice Day" });
        var holiday = (await Queries.ListAsync(2026)).Single();
        await Database.PlayAsync(email);

        var adding = await Assert.ThrowsAsync<AccessRefusedException>(() => Commands.AddAsync(new HolidayDraft { Date = new DateOnly(2026, 12, 25), Name = "Christmas Day" }));
        await Assert.ThrowsAsync<AccessRefusedException>(() => Commands.RemoveAsync(holiday.Id));

        Assert.Equal("Only administrators keep the holiday calendar.", adding.Message);
        Assert.False(await Queries.CanMaintainAsync());
        // Everyone reads it: it explains their due dates.
        Assert.Equal(["Armistice Day"], (await Queries.ListAsync(2026)).Select(h => h.Name));
    }

    [Fact]
    public async Task An_administrator_adds_a_day_once_and_every_bad_entry_is_told_beside_its_field()
    {
        await Database.PlayAsync(Accounts.Admin);
        await Commands.AddAsync(new HolidayDraft { Date = Armistice, Name = "  Armistice Day " });

        var duplicate = await Assert.ThrowsAsync<ValidationFailedException>(() => Commands.AddAsync(new HolidayDraft { Date = Armistice, Name = "Company day" }));
        var blank = await Assert.ThrowsAsync<ValidationFailedException>(() => Commands.AddAsync(new HolidayDraft { Date = null, Name = " " }));
        var tooLong = await Assert.ThrowsAsync<ValidationFailedException>(() => Commands.AddAsync(new HolidayDraft { Date = new DateOnly(2026, 12, 25), Name = new string('x', 101) }));
        var farOff = await Assert.ThrowsAsync<ValidationFailedException>(() => Commands.AddAsync(new HolidayDraft { Date = new DateOnly(1900, 1, 1), Name = "New Year" }));

        Assert.Equal(["Wednesday 11 November 2026 is already a holiday (Armistice Day)."], duplicate.Errors[nameof(HolidayDraft.Date)]);
        Assert.Equal([HolidayDraftValidator.DateRequired], blank.Errors[nameof(HolidayDraft.Date)]);
        Assert.Equal([HolidayDraftValidator.NameRequired], blank.Errors[nameof(HolidayDraft.Name)]);
        Assert.Equal(["Keep the name to 100 characters."], tooLong.Errors[nameof(HolidayDraft.Name)]);
        Assert.Equal(["Choose a date between 2000 and 2100."], farOff.Errors[nameof(HolidayDraft.Date)]);
        Assert.Equal([new HolidayRow((await Queries.ListAsync(2026)).Single().Id, Armistice, "Armistice Day")], await Queries.ListAsync(2026));
        Assert.Empty(await Queries.ListAsync(2027));
        Assert.Equal([2026], await Queries.YearsAsync());
    }

    [Fact]
    public async Task Adding_and_removing_are_in_the_audit_trail_and_a_second_removal_is_told_it_is_gone()
    {
        var admin = await Database.PlayAsync(Accounts.Admin);
        await Commands.AddAsync(new HolidayDraft { Date = Armistice, Name = "Armistice Day" });
        var holiday = (await Queries.ListAsync(2026)).Single();

        await Commands.RemoveAsync(holiday.Id);
        var again = await Assert.ThrowsAsync<NotFoundException>(() => Commands.RemoveAsync(holiday.Id));

        Assert.Empty(await Queries.ListAsync(2026));
        Assert.Contains("no longer in the calendar", again.Message, StringComparison.Ordinal);
        await using var db = await Database.CreateDbContextAsync();
        var trail = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Holiday" && a.EntityId == holiday.Id.ToString())
            .OrderBy(a => a.Id).Select(a => new { a.Action, a.UserName }).ToListAsync();
        Assert.Equal(["Created", "Removed"], trail.Select(t => t.Action));
        Assert.All(trail, t => Assert.Equal(admin.DisplayName, t.UserName));
    }

    [Fact]
    public async Task A_submitted_gate_is_due_ten_working_days_later_not_counting_the_holiday()
    {
        await Database.PlayAsync(Accounts.Admin);
        await Commands.AddAsync(new HolidayDraft { Date = Armistice, Name = "Armistice Day" });
        await Database.PlayAsync(Accounts.Training);
        var draft = Drafts.Rollout();
        draft.ItLiaisonId = (await Database.PlayAsync(Accounts.ItLead)).UserId;
        await Database.PlayAsync(Accounts.Training);
        var code = await Database.Get<RolloutCommands>().CreateAsync(draft);
        var gate = (await Database.Get<RolloutQueries>().GetAsync(code))!.Gates.First(g => g.Kind == GateKind.SecurityReview);
        var details = (await Database.Get<GateQueries>().GetAsync(gate.Id))!;

        await Database.Get<GateCommands>().SubmitAsync(gate.Id, null, null, details.Version);

        // Monday 2 November + 10 working days is Monday 16 without the holiday; with it, Tuesday 17.
        Assert.Equal(new DateOnly(2026, 11, 17), (await Database.Get<GateQueries>().GetAsync(gate.Id))!.DueDate);
        Database.Clock.Advance(TimeSpan.FromDays(7)); // Monday 9 November
        await Database.PlayAsync(Accounts.ItLead);
        var row = (await Database.Get<GateQueries>().ReviewQueueAsync(new ReviewQueueQuery(), new PageRequest())).Items.Single(r => r.GateId == gate.Id);
        Assert.Equal("5 working days left", row.Clock!.Text); // 10, 12, 13, 16, 17
        Database.Clock.Advance(TimeSpan.FromDays(9)); // Wednesday 18 November
        row = (await Database.Get<GateQueries>().ReviewQueueAsync(new ReviewQueueQuery(), new PageRequest())).Items.Single(r => r.GateId == gate.Id);
        Assert.Equal(("1 working day overdue", true), (row.Clock!.Text, row.IsOverdue));
    }
}
