namespace ElearningRollout.Domain.Common;

/// <summary>The four roles of docs/domain.md. A person may hold several.</summary>
public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string TrainingManager = nameof(TrainingManager);
    public const string ItLead = nameof(ItLead);
    public const string Executive = nameof(Executive);

    public static readonly IReadOnlyList<string> All = [Administrator, TrainingManager, ItLead, Executive];

    /// <summary>The name a person reads, e.g. "Training manager".</summary>
    public static string DisplayName(string role) => role switch
    {
        Administrator => "Administrator",
        TrainingManager => "Training manager",
        ItLead => "IT lead",
        Executive => "Executive",
        _ => role,
    };
}
