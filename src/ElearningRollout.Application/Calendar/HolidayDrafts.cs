using ElearningRollout.Domain.Calendar;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Calendar;

/// <summary>The form for adding a holiday: the day and what it is called.</summary>
public sealed class HolidayDraft
{
    public DateOnly? Date { get; set; }

    public string Name { get; set; } = "";
}

/// <summary>A holiday's date and name, in the form and again on the server.</summary>
public sealed class HolidayDraftValidator : AbstractValidator<HolidayDraft>
{
    public const string DateRequired = "Choose the holiday's date.";

    public const string NameRequired = "Enter the holiday's name.";

    /// <summary>Holidays a working-day clock could ever meet: far-off years are a typing mistake.</summary>
    public const int FirstYear = 2000;

    public const int LastYear = 2100;

    public HolidayDraftValidator()
    {
        RuleFor(d => d.Date).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(DateRequired)
            .Must(d => d!.Value.Year is >= FirstYear and <= LastYear).WithMessage($"Choose a date between {FirstYear} and {LastYear}.");
        RuleFor(d => d.Name).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(NameRequired)
            .Must(n => n.Trim().Length <= Holiday.MaxNameLength).WithMessage($"Keep the name to {Holiday.MaxNameLength} characters.");
    }
}

/// <summary>One holiday per date: the calendar already says that day is not worked.</summary>
public sealed class HolidayServerRules : ServerRules<HolidayDraft>
{
    public HolidayServerRules()
        => RuleFor(d => d.Date).CustomAsync(async (date, context, ct) =>
        {
            if (date is not { } day)
            {
                return;
            }

            var taken = await Edit(context).Db.Holidays.AsNoTracking().Where(h => h.Date == day).Select(h => h.Name).FirstOrDefaultAsync(ct);
            if (taken is not null)
            {
                context.AddFailure(nameof(HolidayDraft.Date), Duplicate(day, taken));
            }
        });

    internal static string Duplicate(DateOnly date, string name)
        => $"{date.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)} is already a holiday ({name}).";
}
