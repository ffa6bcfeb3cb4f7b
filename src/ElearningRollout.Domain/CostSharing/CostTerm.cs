namespace ElearningRollout.Domain.CostSharing;

/// <summary>How many payments a line makes in a year and over the agreement's term.</summary>
public static class CostTerm
{
    public const int MinMonths = 1;
    public const int MaxMonths = 120;

    public static int PaymentsPerYear(CostRecurrence recurrence) => recurrence switch
    {
        CostRecurrence.Monthly => 12,
        CostRecurrence.Yearly => 1,
        _ => 0,
    };

    /// <summary>A yearly cost is paid for every year the term touches: a 13-month term pays it twice.</summary>
    public static int PaymentsOverTerm(CostRecurrence recurrence, int termMonths) => recurrence switch
    {
        CostRecurrence.Monthly => termMonths,
        CostRecurrence.Yearly => (termMonths + 11) / 12,
        _ => 1,
    };

    public static Money OneOff(IBudgetLine line) =>
        new(line.Recurrence == CostRecurrence.OneOff ? line.Amount : 0m, line.Currency);

    public static Money RecurringPerYear(IBudgetLine line) => new(line.Amount * PaymentsPerYear(line.Recurrence), line.Currency);

    public static Money OverTerm(IBudgetLine line, int termMonths) =>
        new(line.Amount * PaymentsOverTerm(line.Recurrence, termMonths), line.Currency);
}
