using ElearningRollout.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Calendar;

/// <summary>
/// The holiday calendar, changed by administrators: a holiday is added or removed (both audited by the audit trail,
/// which records every change of a holiday). Review deadlines set from then on skip it.
/// </summary>
public sealed class HolidayCommands(EditPipeline edits) : IUseCases
{
    private static readonly EditAccess<EditContext> Maintaining = new(e => HolidayAccess.EnsureCanMaintain(e.Actor));

    /// <summary>Adds a holiday.</summary>
    public async Task AddAsync(HolidayDraft draft, CancellationToken cancellationToken = default)
    {
        try
        {
            await edits.ActAsync(Maintaining, async (e, ct) =>
            {
                await e.EnsureValidAsync(draft, ct);
                e.Db.Holidays.Add(new Holiday(draft.Date!.Value, draft.Name.Trim()));
                return true;
            }, cancellationToken);
        }
        catch (DbUpdateException) when (draft.Date is { } date)
        {
            // Someone added the same day at the same moment; the unique index kept theirs.
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                [nameof(HolidayDraft.Date)] = [HolidayServerRules.Duplicate(date, "just added by someone else")],
            });
        }
    }

    /// <summary>Removes a holiday. Due dates already set stay as they are; new ones count the day again.</summary>
    public Task RemoveAsync(Guid holidayId, CancellationToken cancellationToken = default)
        => edits.ActAsync(Maintaining, async (e, ct) =>
        {
            var holiday = await e.Db.Holidays.SingleOrDefaultAsync(h => h.Id == holidayId, ct)
                ?? throw new NotFoundException("That holiday is no longer in the calendar; someone may have removed it already.");
            e.Db.Holidays.Remove(holiday);
            return true;
        }, cancellationToken);
}
