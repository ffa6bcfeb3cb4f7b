namespace ElearningRollout.Application.Persistence;

/// <summary>
/// Column lengths that several tables share because the columns hold the same kind of value. Lengths that belong to
/// one entity's rules (a title, a reason) stay on that entity, e.g. <c>Rollout.MaxTitleLength</c>.
/// </summary>
public static class ColumnLengths
{
    /// <summary>
    /// A reference to a person: ASP.NET Core Identity's user key length (the AspNetUsers.Id column). The domain checks
    /// the same limit (Require.UserIdLength) before anything reaches the database.
    /// </summary>
    public const int UserId = 450;

    /// <summary>An ISO 4217 currency code, e.g. EUR.</summary>
    public const int CurrencyCode = 3;

    /// <summary>A department's name, where it is stored by name (the Departments table and the money read model).</summary>
    public const int DepartmentName = Administration.DepartmentCommands.MaxNameLength;

    /// <summary>A [Flags] enum stored as its names separated by commas (audiences, access channels, integrations).</summary>
    public const int FlagNames = 120;

    /// <summary>A role's name (see Domain.Common.Roles), where a record stores which role decides.</summary>
    public const int RoleName = 64;
}
