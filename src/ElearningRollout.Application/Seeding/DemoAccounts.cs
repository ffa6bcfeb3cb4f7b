using ElearningRollout.Domain.Common;

namespace ElearningRollout.Application.Seeding;

/// <summary>The demo accounts of a Development installation, one or two per role (README lists them).</summary>
public static class DemoAccounts
{
    public const string Password = "Rollout-Demo-2026!";

    public sealed record DemoAccount(string Email, string DisplayName, string Department, params string[] Roles);

    public static readonly IReadOnlyList<DemoAccount> All =
    [
        new("admin@elearning.test", "Alex Admin", Departments.It, Roles.Administrator),
        new("training@elearning.test", "Tara Training", Departments.Training, Roles.TrainingManager),
        new("training2@elearning.test", "Theo Trainer", Departments.Training, Roles.TrainingManager),
        new("itlead@elearning.test", "Ivan IT", Departments.It, Roles.ItLead),
        new("itlead2@elearning.test", "Iris Infra", Departments.It, Roles.ItLead),
        new("exec@elearning.test", "Erin Executive", Departments.Leadership, Roles.Executive),
    ];
}
