namespace ElearningRollout.Domain.Rollouts;

/// <summary>Who the courses are for; a rollout may reach several audiences.</summary>
[Flags]
public enum Audiences
{
    None = 0,
    Employees = 1,
    Dealers = 2,
    Customers = 4,
    Partners = 8,
}
