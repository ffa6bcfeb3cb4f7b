namespace ElearningRollout.Domain.Common;

/// <summary>
/// The departments every installation starts with. Administrators may add more
/// (they are rows in the Departments table); these names are the ones the rules refer to.
/// </summary>
public static class Departments
{
    public const string Training = nameof(Training);
    public const string It = "IT";
    public const string Leadership = nameof(Leadership);

    public static readonly IReadOnlyList<string> BuiltIn = [Training, It, Leadership];
}
